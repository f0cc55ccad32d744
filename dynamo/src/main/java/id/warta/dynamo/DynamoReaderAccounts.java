package id.warta.dynamo;

import id.warta.reader.ReaderAccount;
import id.warta.reader.ReaderAccounts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Reads the account item's paywall fields with one strongly consistent GetItem (a reset revokes at once). */
public final class DynamoReaderAccounts implements ReaderAccounts {
    /** Only what the paywall needs: never the credentials or the email. */
    static final String PROJECTION = "activated, credentialVersion, subscriberUntil";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReaderAccounts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<ReaderAccount> find(String accountId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(AccountsTable.key(accountId))
                .consistentRead(true)
                .projectionExpression(PROJECTION)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromItem(accountId, item));
    }

    public static ReaderAccount fromItem(String accountId, Map<String, AttributeValue> item) {
        String until = Attr.string(item, AccountsTable.SUBSCRIBER_UNTIL);
        return new ReaderAccount(accountId, Attr.bool(item, AccountsTable.ACTIVATED),
                until == null ? null : Instant.parse(until), Attr.number(item, AccountsTable.CREDENTIAL_VERSION, 0));
    }
}
