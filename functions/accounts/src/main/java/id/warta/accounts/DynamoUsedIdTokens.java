package id.warta.accounts;

import id.warta.dynamo.Attr;
import id.warta.dynamo.ItemClaims;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.Map;

/**
 * Used ID tokens in the AccountsTable: {@code pk = IDTOKEN#<sha-256 of the token>}, {@code sk = IDTOKEN},
 * {@code expiresAt} (TTL: when the token stops verifying) and the claiming attempt's id. The first use
 * is one conditional PutItem ({@link ItemClaims}), so two concurrent uses of one token cannot both
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
        return ItemClaims.claim(dynamo, table,
                Map.of("pk", Attr.s("IDTOKEN#" + tokenHash), "sk", Attr.s("IDTOKEN")),
                Map.of("expiresAt", Attr.n(acceptedUntil.getEpochSecond() + 1)),
                ItemClaims.newAttempt());
    }
}
