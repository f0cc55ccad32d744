package id.warta.dynamo;

import id.warta.mail.SuppressionList;
import id.warta.membership.ProfileStanding;
import id.warta.paywall.MeterPeriod;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoProfileStandingTest {
    private static final String ACCOUNTS = "Accounts";
    private static final String ACTIVITY = "Activity";
    private static final String ACCOUNT_ID = "3f2c9a4e-0d1b-4c8e-9a55-1b2c3d4e5f60";
    private static final MeterPeriod NOVEMBER = new MeterPeriod(YearMonth.of(2026, 11));

    /** Answers BatchGetItem from its items (table, key → item); any other call fails, as the interface's defaults do. */
    private static final class TablesInMemory implements DynamoDbClient {
        private final Map<String, Map<Map<String, AttributeValue>, Map<String, AttributeValue>>> tables = new HashMap<>();
        private final List<BatchGetItemRequest> batches = new ArrayList<>();

        void put(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> attributes) {
            Map<String, AttributeValue> item = new HashMap<>(key);
            item.putAll(attributes);
            tables.computeIfAbsent(table, t -> new HashMap<>()).put(key, item);
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            batches.add(request);
            Map<String, List<Map<String, AttributeValue>>> found = new HashMap<>();
            request.requestItems().forEach((table, read) -> found.put(table, read.keys().stream()
                    .map(key -> tables.getOrDefault(table, Map.of()).get(key))
                    .filter(item -> item != null).toList()));
            return BatchGetItemResponse.builder().responses(found).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private final TablesInMemory dynamo = new TablesInMemory();
    private final ProfileStanding standings = new DynamoProfileStanding(dynamo, ACCOUNTS, ACTIVITY);

    @Test
    void readsTheMeterAndTheAddressSuppressionInOneConsistentBatch() {
        dynamo.put(ACTIVITY, ActivityTable.meterKey(ACCOUNT_ID, NOVEMBER),
                Map.of("unlocked", AttributeValue.fromSs(List.of("kopi-gayo")), "used", Attr.n(1)));
        dynamo.put(ACCOUNTS, AccountsTable.suppressionKey("sari@example.id"), Map.of(
                DynamoSuppressionList.REASON, Attr.s("COMPLAINT"),
                DynamoSuppressionList.FEEDBACK_ID, Attr.s("feedback-1"),
                DynamoSuppressionList.SUPPRESSED_AT, Attr.s("2026-11-20T03:00:00Z")));

        ProfileStanding.Standing standing = standings.of(ACCOUNT_ID, "Sari@Example.ID", NOVEMBER);

        assertThat(standing.meter().unlocked()).containsExactly("kopi-gayo");
        assertThat(standing.suppression()).contains(new SuppressionList.Suppression("sari@example.id",
                SuppressionList.Reason.COMPLAINT, "feedback-1", Instant.parse("2026-11-20T03:00:00Z")));
        assertThat(dynamo.batches).hasSize(1);
        Map<String, KeysAndAttributes> asked = dynamo.batches.getFirst().requestItems();
        assertThat(asked.keySet()).containsExactlyInAnyOrder(ACCOUNTS, ACTIVITY);
        assertThat(asked.values()).allSatisfy(read -> assertThat(read.consistentRead()).isTrue());
    }

    @Test
    void aReaderWithNoMeterAndADeliverableAddressHasAnEmptyMeterAndNoSuppression() {
        ProfileStanding.Standing standing = standings.of(ACCOUNT_ID, "sari@example.id", NOVEMBER);

        assertThat(standing.meter().unlocked()).isEmpty();
        assertThat(standing.suppression()).isEmpty();
        assertThat(dynamo.batches).hasSize(1);
    }
}
