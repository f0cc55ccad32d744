package id.warta.dynamo;

import id.warta.recommendations.Lease;
import id.warta.recommendations.RunLease;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;

/**
 * The builder's {@link RunLease}: the item {@code BUILDER_LEASE} of the RecommendationsTable (see
 * {@link DynamoRecommendations}) with {@code heldBy} (the run id), {@code takenAt} and
 * {@code expiresAt} (epoch seconds, rounded up; also the table's TTL attribute, which removes a
 * dead run's lease some time after it expired). Taken with one conditional PutItem whose condition
 * is {@link Lease#freeFor}: no item, an expired one, or one this run holds, so a retried put that
 * finds its own earlier success succeeds again. Given back with a DeleteItem conditional on the holder.
 */
public final class DynamoBuilderLease implements RunLease {
    private static final String KEY = "BUILDER_LEASE";
    private static final String FREE_FOR_RUN = "attribute_not_exists(pk) OR expiresAt <= :now OR heldBy = :runId";
    private static final String HELD_BY_RUN = "heldBy = :runId";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBuilderLease(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean take(String runId, Instant now, Instant expiresAt) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("pk", Attr.s(KEY), "heldBy", Attr.s(runId), "takenAt", Attr.s(now.toString()),
                            "expiresAt", Attr.n(Math.ceilDiv(expiresAt.toEpochMilli(), 1000))))
                    .conditionExpression(FREE_FOR_RUN)
                    .expressionAttributeValues(Map.of(":now", Attr.n(now.getEpochSecond()), ":runId", Attr.s(runId))));
            return true;
        } catch (ConditionalCheckFailedException heldByAnotherRun) {
            return false;
        }
    }

    @Override
    public void release(String runId) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key())
                    .conditionExpression(HELD_BY_RUN)
                    .expressionAttributeValues(Map.of(":runId", Attr.s(runId))));
        } catch (ConditionalCheckFailedException notHeldByThisRun) {
            // Taken over after it expired, or a retried release whose first attempt already deleted it.
        }
    }

    /** The lease item's key. */
    public static Map<String, AttributeValue> key() {
        return Map.of("pk", Attr.s(KEY));
    }
}
