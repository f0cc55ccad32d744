package id.warta.dynamo;

import id.warta.sessions.SessionStore;
import id.warta.sessions.StoredSession;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sessions in the AccountsTable (key: {@link AccountsTable#sessionKey}, beside the account item):
 * {@code credentialVersion} (N, the account's when the session started), {@code remember} (BOOL),
 * {@code credentialHash} (S, SHA-256 of the current refresh credential, never a credential),
 * {@code rotatedAt} (S, ISO instant), {@code rotations} (N) and {@code expiresAt} (N, epoch seconds:
 * the TTL attribute, also checked by the rules since TTL deletion is lazy).
 *
 * <p>A refresh reads the session and its account in one BatchGetItem (both strongly consistent, so a
 * reset or a sign-out everywhere ends it at once) and rotates with one conditional UpdateItem on the
 * credential hash. A retry of a rotation that landed fails that condition and returns the item as it
 * stood (ALL_OLD, or a consistent read where the service sends none): its hash is the successor of
 * the presented credential, by which the rules recognise the rotation as done; so the write needs
 * no write id.
 */
public final class DynamoSessions implements SessionStore {
    private static final String REMEMBER = "remember";
    private static final String CREDENTIAL_HASH = "credentialHash";
    private static final String ROTATED_AT = "rotatedAt";
    private static final String ROTATIONS = "rotations";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSessions(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void start(StoredSession session) {
        Map<String, AttributeValue> key = AccountsTable.sessionKey(session.accountId(), session.sessionId());
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(AccountsTable.CREDENTIAL_VERSION, Attr.n(session.credentialVersion()));
        item.put(REMEMBER, Attr.bool(session.remember()));
        item.put(CREDENTIAL_HASH, Attr.s(session.currentHash()));
        item.put(ROTATED_AT, Attr.s(session.rotatedAt().toString()));
        item.put(ROTATIONS, Attr.n(session.rotations()));
        item.put(AccountsTable.EXPIRES_AT, Attr.n(session.expiresAt().getEpochSecond()));
        // The id is new: the item can only exist already as the result of this very write.
        if (!ConditionalWrite.start().putIfAbsent(dynamo, table, key, item)) {
            throw new IllegalStateException("Session id collision");
        }
    }

    @Override
    public Snapshot read(String accountId, String sessionId) {
        Map<String, AttributeValue> sessionKey = AccountsTable.sessionKey(accountId, sessionId);
        Map<String, AttributeValue> accountKey = AccountsTable.key(accountId);
        List<Map<String, AttributeValue>> items = Batches.getAll(dynamo, Map.of(table, KeysAndAttributes.builder()
                        .keys(sessionKey, accountKey)
                        .consistentRead(true)
                        .build()))
                .getOrDefault(table, List.of());
        Optional<StoredSession> session = Optional.empty();
        OptionalLong accountVersion = OptionalLong.empty();
        for (Map<String, AttributeValue> item : items) {
            if (item.get("sk").equals(accountKey.get("sk"))) {
                accountVersion = OptionalLong.of(Attr.number(item, AccountsTable.CREDENTIAL_VERSION, 0));
            } else {
                session = Optional.of(fromItem(accountId, sessionId, item));
            }
        }
        return new Snapshot(session, accountVersion);
    }

    @Override
    public Rotation rotate(StoredSession next, String presentedHash) {
        Map<String, AttributeValue> key = AccountsTable.sessionKey(next.accountId(), next.sessionId());
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .conditionExpression("#hash = :presented")
                    .updateExpression("SET #hash = :next, #rotatedAt = :now, #rotations = :rotations, #expiresAt = :expiresAt")
                    .expressionAttributeNames(Map.of("#hash", CREDENTIAL_HASH, "#rotatedAt", ROTATED_AT,
                            "#rotations", ROTATIONS, "#expiresAt", AccountsTable.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":presented", Attr.s(presentedHash), ":next", Attr.s(next.currentHash()),
                            ":now", Attr.s(next.rotatedAt().toString()), ":rotations", Attr.n(next.rotations()),
                            ":expiresAt", Attr.n(next.expiresAt().getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Rotation.APPLIED;
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> stored = ConditionalWrite.itemWhenRefused(dynamo, table, key, refused);
            return Rotation.refused(stored == null || stored.isEmpty() ? Optional.empty()
                    : Optional.of(fromItem(next.accountId(), next.sessionId(), stored)));
        }
    }

    @Override
    public void end(String accountId, String sessionId) {
        dynamo.deleteItem(b -> b.tableName(table).key(AccountsTable.sessionKey(accountId, sessionId)));
    }

    private static StoredSession fromItem(String accountId, String sessionId, Map<String, AttributeValue> item) {
        return new StoredSession(accountId, sessionId, Attr.number(item, AccountsTable.CREDENTIAL_VERSION, 0),
                Attr.bool(item, REMEMBER), Attr.string(item, CREDENTIAL_HASH), Instant.parse(Attr.string(item, ROTATED_AT)),
                Attr.number(item, ROTATIONS, 0), Instant.ofEpochSecond(Attr.number(item, AccountsTable.EXPIRES_AT, 0)));
    }
}
