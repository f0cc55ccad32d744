package id.warta.dynamo;

import id.warta.paywall.MeterPeriod;
import id.warta.paywall.MeterState;
import id.warta.paywall.Meters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * Meters in the ActivityTable: {@code pk = METER#<accountId>}, {@code sk = <yyyy-MM>} (Jakarta month),
 * {@code unlocked} a string set of slugs, {@code used} its size, {@code expiresAt} a TTL after the period.
 */
public class DynamoMeters implements Meters {
    protected final DynamoDbClient dynamo;
    protected final String table;

    public DynamoMeters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public static Map<String, AttributeValue> key(String accountId, MeterPeriod period) {
        return Map.of("pk", Attr.s("METER#" + accountId), "sk", Attr.s(period.key()));
    }

    @Override
    public MeterState current(String accountId, MeterPeriod period) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(accountId, period))
                .consistentRead(true)
                .projectionExpression("unlocked")).item();
        if (item == null || item.isEmpty() || item.get("unlocked") == null || !item.get("unlocked").hasSs()) {
            return MeterState.EMPTY;
        }
        return new MeterState(new java.util.HashSet<>(item.get("unlocked").ss()));
    }
}
