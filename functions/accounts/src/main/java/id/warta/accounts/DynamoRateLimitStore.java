package id.warta.accounts;

import id.warta.dynamo.Attr;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Rate-limit items in the AccountsTable: {@code pk = RATE#<limit>#<sha-256 of the subject>},
 * {@code sk = RATE}, {@code times} (epoch milliseconds of recent events), {@code version}, and
 * {@code expiresAt} (TTL, once the longest window has passed).
 */
public final class DynamoRateLimitStore implements RateLimitStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRateLimitStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of("pk", Attr.s("RATE#" + key), "sk", Attr.s("RATE"));
    }

    @Override
    public Events read(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Events.NONE;
        }
        List<Instant> times = Attr.stringList(item, "times").stream()
                .map(t -> Instant.ofEpochMilli(Long.parseLong(t))).toList();
        return new Events(times, Attr.number(item, "version", 0));
    }

    @Override
    public boolean replace(String key, Events expected, List<Instant> times, Instant expiresAt) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(key));
        item.put("times", Attr.strings(times.stream().map(t -> Long.toString(t.toEpochMilli())).toList()));
        item.put("version", Attr.n(expected.version() + 1));
        item.put("expiresAt", Attr.n(expiresAt.getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression(expected.version() == 0 ? "attribute_not_exists(pk)" : "version = :version")
                    .expressionAttributeValues(expected.version() == 0 ? null
                            : Map.of(":version", Attr.n(expected.version()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
