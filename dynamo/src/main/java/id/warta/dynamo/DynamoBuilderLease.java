package id.warta.dynamo;

import id.warta.recommendations.Lease;
import id.warta.recommendations.RunLease;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;

/**
 * The builder's {@link RunLease}: the lease item of the RecommendationsTable ({@link RecommendationsTable};
 * its {@code expiresAt} is also the table's TTL attribute, which removes a dead run's lease some time
 * after it expired). Taken with one conditional PutItem whose condition
 * is {@link Lease#freeFor}: no item, an expired one, or one this run holds, so a retried put that
 * finds its own earlier success succeeds again. Given back with a DeleteItem conditional on the holder.
 */
public final class DynamoBuilderLease implements RunLease {
    private static final String FREE_FOR_RUN = "attribute_not_exists(" + RecommendationsTable.PARTITION_KEY + ") OR "
            + RecommendationsTable.EXPIRES_AT + " <= :now OR " + RecommendationsTable.HELD_BY + " = :runId";
    private static final String HELD_BY_RUN = RecommendationsTable.HELD_BY + " = :runId";

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
                    .item(RecommendationsTable.leaseItem(runId, now, expiresAt))
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
            dynamo.deleteItem(b -> b.tableName(table).key(RecommendationsTable.leaseKey())
                    .conditionExpression(HELD_BY_RUN)
                    .expressionAttributeValues(Map.of(":runId", Attr.s(runId))));
        } catch (ConditionalCheckFailedException notHeldByThisRun) {
            // Taken over after it expired, or a retried release whose first attempt already deleted it.
        }
    }
}
