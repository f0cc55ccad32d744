package id.warta.local;

import id.warta.dynamo.ActivityTable;
import id.warta.dynamo.AccountsTable;
import id.warta.dynamo.Attr;
import id.warta.dynamo.DynamoMeters;
import id.warta.local.faults.FaultProxy;
import id.warta.paywall.MeterPeriod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With DynamoDB unreachable, every route answers quickly with 503 INTERNAL and Retry-After (or a 4xx
 * it can decide without the database), never a hang or a bare 500; when DynamoDB is back, service
 * resumes with meters whole: no lost or doubled credit. A proxy in front of the shared emulator plays
 * the outage, so no data is lost.
 */
@LocalStackOnly
class DynamoDbOutageIT {
    private static ProxiedStack stack;
    private static FaultProxy proxy;
    private static LocalCloud cloud;

    @BeforeAll
    static void startStackBehindAProxy() {
        stack = TestStack.behindFaultProxy();
        proxy = stack.dynamoDb();
        cloud = stack.stack().cloud();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private TestStack.Response send(RouteSamples.Sample sample) {
        return RouteSamples.send(stack.stack(), sample);
    }

    @Test
    void everyRouteAnswers503WithRetryAfterWhileDynamoDbIsDownAndRecoversAfter() {
        proxy.cut();
        try {
            for (SamTemplate.HttpRoute route : cloud.template().httpRoutes()) {
                if (route.path() == null) {
                    continue;
                }
                RouteSamples.Sample sample = RouteSamples.of(route);
                assertThat(sample).as("a sample request for " + route.routeKey()).isNotNull();
                SamTemplate.Function function = cloud.template().functions().stream()
                        .filter(f -> f.logicalId().equals(route.functionId())).findFirst().orElseThrow();

                long started = System.nanoTime();
                TestStack.Response response = send(sample);
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(took).as(route.routeKey()).isLessThan(Duration.ofSeconds(function.timeoutSeconds()));
                assertThat(response.body()).as(route.routeKey()).contains("\"error\"").doesNotContain("Exception");
                if (response.status() >= 500) {
                    assertThat(response.status()).as(route.routeKey()).isEqualTo(503);
                    assertThat(response.body()).contains("\"INTERNAL\"");
                    assertThat(response.header("Retry-After")).as(route.routeKey()).isNotNull();
                } else {
                    assertThat(response.status()).as(route.routeKey() + " " + response.body()).isBetween(400, 499);
                }
            }
        } finally {
            proxy.restore();
        }

        TestStack.Response after = stack.stack().get("/articles");
        assertThat(after.status()).isEqualTo(200);
    }

    @Test
    void theSiteAnswersItsHtml503WithRetryAfterWhileDynamoDbIsDownAndRecoversAfter() {
        proxy.cut();
        try {
            for (String path : List.of("/", "/ekonomi", "/ekonomi/harga-beras-medium-naik-di-pasar-induk", "/sitemap.xml", "/rss.xml")) {
                TestStack.Response response = stack.stack().page(path);

                assertThat(response.status()).as(path).isEqualTo(503);
                assertThat(response.header("Content-Type")).as(path).isEqualTo("text/html; charset=utf-8");
                assertThat(response.header("Retry-After")).as(path).isNotNull();
                assertThat(response.header("Cache-Control")).as(path).isEqualTo("no-store");
                assertThat(response.body()).as(path).contains("Layanan sedang sibuk").doesNotContain("Exception", "software.amazon");
            }
        } finally {
            proxy.restore();
        }
        assertThat(stack.stack().page("/").status()).isEqualTo(200);
    }

    @Test
    void aMeterComesBackWhole() {
        String accountId = UUID.randomUUID().toString();
        Map<String, AttributeValue> account = new HashMap<>(AccountsTable.key(accountId));
        account.put(AccountsTable.ACTIVATED, Attr.bool(true));
        account.put(AccountsTable.CREDENTIAL_VERSION, Attr.n(0));
        Map<String, String> environment = cloud.environmentOf(cloud.template().functions().getFirst());
        cloud.dynamo().putItem(b -> b.tableName(environment.get("ACCOUNTS_TABLE")).item(account));
        String bearer = "Bearer " + cloud.accessTokens().issue(accountId, 0);
        String first = "petani-karawang-tunda-tanam-karena-pupuk-langka";
        String second = "kebun-kota-surabaya-panen-perdana";

        assertThat(unlock(first, bearer).status()).isEqualTo(200);
        proxy.cut();
        try {
            assertThat(unlock(second, bearer).status()).isEqualTo(503);
            assertThat(unlock(first, bearer).status()).isEqualTo(503);
        } finally {
            proxy.restore();
        }
        assertThat(unlock(second, bearer).body()).contains("\"granted\":true");
        assertThat(unlock(first, bearer).body()).contains("\"granted\":true");

        Map<String, AttributeValue> meter = cloud.dynamo().getItem(b -> b.tableName(environment.get("ACTIVITY_TABLE"))
                .key(ActivityTable.meterKey(accountId, MeterPeriod.containing(Instant.now()))).consistentRead(true)).item();
        assertThat(meter.get("used").n()).isEqualTo("2");
        assertThat(meter.get("unlocked").ss()).containsExactlyInAnyOrder(first, second);
    }

    private TestStack.Response unlock(String slug, String bearer) {
        return stack.stack().send("POST", "/articles/" + slug + "/views", null, "Authorization", bearer);
    }
}
