package id.warta.dynamo;

import id.warta.ratelimit.RateLimitStore;
import id.warta.dynamo.Attr;
import id.warta.dynamo.ConditionalWrite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rate-limit items in the AccountsTable (key: {@link AccountsTable#rateLimitKey}): {@code times} (epoch milliseconds of recent events), {@code version},
 * {@code expiresAt} (TTL, once the longest window has passed) and {@code writeId} ({@link ConditionalWrite}).
 */
public final class DynamoRateLimitStore implements RateLimitStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRateLimitStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Events read(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(AccountsTable.rateLimitKey(key)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Events.NONE;
        }
        List<Instant> times = Attr.stringList(item, "times").stream()
                .map(t -> Instant.ofEpochMilli(Long.parseLong(t))).toList();
        return new Events(times, Attr.number(item, "version", 0));
    }

    @Override
    public boolean replace(String key, Events expected, List<Instant> times, Instant expiresAt) {
        Map<String, AttributeValue> itemKey = AccountsTable.rateLimitKey(key);
        Map<String, AttributeValue> item = new HashMap<>(itemKey);
        item.put("times", Attr.strings(times.stream().map(t -> Long.toString(t.toEpochMilli())).toList()));
        item.put("version", Attr.n(expected.version() + 1));
        item.put(AccountsTable.EXPIRES_AT, Attr.n(expiresAt.getEpochSecond()));
        // A retried attempt finds the version it wrote itself: recognised by the write id, so that one
        // event is never recorded twice (the caller would re-read and add it again).
        return ConditionalWrite.start().put(dynamo, PutItemRequest.builder().tableName(table).item(item)
                .conditionExpression(expected.version() == 0 ? "attribute_not_exists(pk)" : "version = :version")
                .expressionAttributeValues(expected.version() == 0 ? null : Map.of(":version", Attr.n(expected.version())))
                .build(), itemKey);
    }
}
