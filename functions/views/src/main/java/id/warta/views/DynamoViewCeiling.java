package id.warta.views;

import id.warta.dynamo.Attr;
import id.warta.dynamo.ItemClaims;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The ceiling as one counter item per network and minute in the ActivityTable:
 * {@code pk = VIEWCAP#<network pseudonym>}, {@code sk = VIEWCAP}, {@code n} (writes taken),
 * {@code attempts} (the ids of the writes that took one) and {@code expiresAt} (TTL, a minute after
 * the minute). One conditional UpdateItem takes a write while {@code n} is below the ceiling. It is
 * retry-safe: a retry of a take whose response was lost fails its condition on its own attempt id,
 * and is recognised by it, instead of taking a second write or being refused.
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
        Map<String, AttributeValue> key = Map.of("pk", Attr.s("VIEWCAP#" + network), "sk", Attr.s("VIEWCAP"));
        String attempt = ItemClaims.newAttempt();
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .conditionExpression("(attribute_not_exists(n) OR n < :ceiling) AND NOT contains(attempts, :attempt)")
                    .updateExpression("ADD n :one, attempts :attempts SET expiresAt = :expiresAt")
                    .expressionAttributeValues(Map.of(
                            ":ceiling", Attr.n(perMinute),
                            ":attempt", Attr.s(attempt),
                            ":attempts", AttributeValue.fromSs(List.of(attempt)),
                            ":one", Attr.n(1),
                            ":expiresAt", Attr.n(now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2)).getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException fullOrOurs) {
            Map<String, AttributeValue> counter = ItemClaims.itemThatFailed(fullOrOurs, dynamo, table, key);
            return counter != null && Attr.stringList(counter, "attempts").contains(attempt);
        }
    }
}
