package id.warta.dynamo;

import id.warta.paywall.MeterPeriod;
import id.warta.paywall.MeterState;
import id.warta.paywall.MeterUnlocks;
import id.warta.paywall.Meters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Meters in the ActivityTable: {@code pk = METER#<accountId>}, {@code sk = <yyyy-MM>} (Jakarta month),
 * {@code unlocked} a string set of slugs, {@code used} its size, {@code expiresAt} a TTL after the period.
 */
public class DynamoMeters implements Meters, MeterUnlocks {
    /**
     * One conditional UpdateItem does the whole unlock, so concurrent views of one reader serialise on
     * the item: the slug joins the set and the count grows only while the slug is new and the count is
     * below the limit. A missing item (first unlock of the period) has neither attribute.
     */
    private static final String UNLOCK_CONDITION =
            "(attribute_not_exists(used) OR used < :limit) AND NOT contains(unlocked, :slug)";
    private static final String UNLOCKED = "unlocked";
    private static final String UNLOCK_UPDATE = "ADD unlocked :slugs, used :one SET expiresAt = :expiresAt";

    protected final DynamoDbClient dynamo;
    protected final String table;

    public DynamoMeters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public MeterState current(String accountId, MeterPeriod period) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(ActivityTable.meterKey(accountId, period))
                .consistentRead(true)
                .projectionExpression(UNLOCKED)).item();
        return stateOf(item);
    }

    /**
     * The read of {@link #current} for a BatchGetItem beside other tables' items (its answer goes to
     * {@link #stateOf}): strongly consistent, so that an unlock is visible to the very next read.
     */
    static KeysAndAttributes currentRead(String accountId, MeterPeriod period) {
        return KeysAndAttributes.builder()
                .keys(ActivityTable.meterKey(accountId, period))
                .consistentRead(true)
                .projectionExpression(UNLOCKED).build();
    }

    @Override
    public Attempt unlock(String accountId, MeterPeriod period, String slug, int freeArticlesPerMonth) {
        if (freeArticlesPerMonth <= 0) {
            return new Attempt(current(accountId, period), false);
        }
        try {
            return new Attempt(stateOf(dynamo.updateItem(b -> b.tableName(table)
                    .key(ActivityTable.meterKey(accountId, period))
                    .conditionExpression(UNLOCK_CONDITION)
                    .updateExpression(UNLOCK_UPDATE)
                    .expressionAttributeValues(Map.of(
                            ":limit", Attr.n(freeArticlesPerMonth),
                            ":slug", Attr.s(slug),
                            ":slugs", AttributeValue.fromSs(List.of(slug)),
                            ":one", Attr.n(1),
                            ":expiresAt", Attr.n(period.expiresAt().getEpochSecond())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes()), true);
        } catch (ConditionalCheckFailedException alreadyUnlockedOrExhausted) {
            // The meter itself tells which: the slug is in it, or the limit is reached.
            return new Attempt(current(accountId, period), false);
        }
    }

    /** The meter of an item of this table (null or empty when the reader has not unlocked anything). */
    public static MeterState stateOf(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty() || item.get(UNLOCKED) == null || !item.get(UNLOCKED).hasSs()) {
            return MeterState.EMPTY;
        }
        return new MeterState(new HashSet<>(item.get(UNLOCKED).ss()));
    }
}
