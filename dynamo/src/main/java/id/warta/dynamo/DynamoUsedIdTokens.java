package id.warta.dynamo;

import id.warta.membership.UsedIdTokens;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Used ID tokens in the AccountsTable: {@code pk = IDTOKEN#<sha-256 of the token>}, {@code sk = IDTOKEN},
 * {@code expiresAt} (TTL: when the token stops verifying) and {@code writeId}. The first use is one
 * conditional PutItem ({@link ConditionalWrite}), so two concurrent uses of one token cannot both
 * pass, and a retry of the first use's own put is not taken for a second use.
 */
public final class DynamoUsedIdTokens implements UsedIdTokens {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoUsedIdTokens(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean firstUse(String tokenHash, Instant acceptedUntil) {
        Map<String, AttributeValue> key = AccountsTable.usedIdTokenKey(tokenHash);
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(AccountsTable.EXPIRES_AT, Attr.n(acceptedUntil.getEpochSecond() + 1));
        return ConditionalWrite.start().putIfAbsent(dynamo, table, key, item);
    }
}
