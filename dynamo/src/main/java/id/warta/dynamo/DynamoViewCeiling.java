package id.warta.dynamo;

import id.warta.activity.ViewCeiling;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The views function's {@link ViewCeiling}: one counter item per network and minute in the
 * ActivityTable ({@link ActivityTable#viewCeilingKey}), {@code n} (writes taken),
 * {@code writeIds} (the ids of the writes that took one) and {@code expiresAt} (TTL, a minute after
 * the minute). One conditional UpdateItem takes a write while {@code n} is below the ceiling. It is
 * retry-safe ({@link ConditionalWrite#updateOnce}): a retry of a take whose response was lost finds
 * its own id among the takes, instead of taking a second write or being refused.
 */
public final class DynamoViewCeiling implements ViewCeiling {
    private final DynamoDbClient dynamo;
    private final String table;
    private final int perMinute;

    public DynamoViewCeiling(DynamoDbClient dynamo, String table, int perMinute) {
        this.dynamo = dynamo;
        this.table = table;
        this.perMinute = perMinute;
    }

    @Override
    public boolean admits(String network, Instant now) {
        Map<String, AttributeValue> key = ActivityTable.viewCeilingKey(network);
        return ConditionalWrite.start().updateOnce(dynamo, UpdateItemRequest.builder().tableName(table).key(key)
                .conditionExpression("attribute_not_exists(n) OR n < :ceiling")
                .updateExpression("ADD n :one, " + ConditionalWrite.ALL_ATTRIBUTE + " " + ConditionalWrite.ALL_VALUE
                        + " SET expiresAt = :expiresAt")
                .expressionAttributeValues(Map.of(
                        ":ceiling", Attr.n(perMinute),
                        ":one", Attr.n(1),
                        ":expiresAt", Attr.n(now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2)).getEpochSecond())))
                .build());
    }
}
