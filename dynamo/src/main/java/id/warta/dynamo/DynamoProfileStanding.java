package id.warta.dynamo;

import id.warta.membership.ProfileStanding;
import id.warta.paywall.MeterPeriod;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * The profile's meter (ActivityTable) and its address's suppression (AccountsTable) in one strongly
 * consistent BatchGetItem, each read and decoded as the class that owns its layout does it
 * ({@link DynamoMeters}, {@link DynamoSuppressionList}).
 */
public final class DynamoProfileStanding implements ProfileStanding {
    private final DynamoDbClient dynamo;
    private final String accountsTable;
    private final String activityTable;

    public DynamoProfileStanding(DynamoDbClient dynamo, String accountsTable, String activityTable) {
        this.dynamo = dynamo;
        this.accountsTable = accountsTable;
        this.activityTable = activityTable;
    }

    @Override
    public Standing of(String accountId, String email, MeterPeriod period) {
        Map<String, List<Map<String, AttributeValue>>> items = Batches.getAll(dynamo, Map.of(
                activityTable, DynamoMeters.currentRead(accountId, period),
                accountsTable, DynamoSuppressionList.findRead(email)));
        return new Standing(DynamoMeters.stateOf(Batches.first(items, activityTable).orElse(null)),
                DynamoSuppressionList.fromItem(email, Batches.first(items, accountsTable).orElse(null)));
    }
}
