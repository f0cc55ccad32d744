package id.warta.local;

import id.warta.dynamo.ConditionalWrite;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views hold nothing but ids and a time, and expire after 90 days; rate-limit counters and meters
 * expire too, through the TTL attribute the template enables on their tables.
 */
class DataRetentionIT {
    private final TestStack stack = TestStack.shared();
    private final PaywallReaders readers = new PaywallReaders(stack);

    private String ttlAttribute(String table) {
        SamTemplate.Table definition = stack.cloud().template().tables().stream()
                .filter(t -> t.logicalId().equals(table)).findFirst().orElseThrow();
        Map<String, Object> ttl = SamTemplate.map(definition.properties(), "TimeToLiveSpecification");
        assertThat(ttl.get("Enabled")).as(table + " TTL").isEqualTo(true);
        return (String) ttl.get("AttributeName");
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        return stack.cloud().dynamo().scan(b -> b.tableName(table)).items();
    }

    private static Instant expiry(Map<String, AttributeValue> item, String attribute) {
        assertThat(item).as("item " + item.get("pk")).containsKey(attribute);
        return Instant.ofEpochSecond(Long.parseLong(item.get(attribute).n()));
    }

    @Test
    void aViewKeepsOnlyIdsAndATimeAndExpiresAfterNinetyDays() {
        String readerId = UUID.randomUUID().toString();
        String ttl = ttlAttribute("ActivityTable");

        assertThat(stack.post("/articles/harga-beras-medium-naik-di-pasar-induk/views", "{}", "X-Reader-Id", readerId)
                .status()).isEqualTo(200);

        List<Map<String, AttributeValue>> items = scan(readers.table("ACTIVITY_TABLE")).stream()
                .filter(i -> i.values().stream().anyMatch(v -> v.s() != null && v.s().contains(readerId)))
                .toList();
        assertThat(items).hasSize(2);
        Instant ninetyDays = Instant.now().plus(Duration.ofDays(90));
        for (Map<String, AttributeValue> item : items) {
            // writeId is the random id of the write that claimed the view (ConditionalWrite), no personal data.
            assertThat(item.keySet()).isSubsetOf("pk", "sk", "slug", "reader", "at", ConditionalWrite.ATTRIBUTE, ttl);
            assertThat(expiry(item, ttl)).isBetween(ninetyDays.minus(Duration.ofHours(1)), ninetyDays.plus(Duration.ofHours(1)));
        }
    }

    @Test
    void rateLimitCountersAndMetersExpire() {
        String ttl = ttlAttribute("AccountsTable");
        String email = AccountsMailbox.uniqueAddress("ttl");
        stack.post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"salah-sekali-1\"}");
        PaywallReaders.SignedIn reader = readers.activated();
        stack.post("/articles/petani-karawang-tunda-tanam-karena-pupuk-langka/views", "{}", reader.headers());

        List<Map<String, AttributeValue>> counters = scan(readers.table("ACCOUNTS_TABLE")).stream()
                .filter(i -> i.get("pk").s().startsWith("RATE#"))
                .toList();
        assertThat(counters).isNotEmpty();
        for (Map<String, AttributeValue> counter : counters) {
            assertThat(expiry(counter, ttl)).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(2)));
        }
        Map<String, AttributeValue> meter = readers.meterItem(reader).orElseThrow();
        assertThat(expiry(meter, ttlAttribute("ActivityTable"))).isAfter(Instant.now().plus(Duration.ofDays(28)));
    }
}
