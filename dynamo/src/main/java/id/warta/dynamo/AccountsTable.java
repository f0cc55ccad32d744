package id.warta.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.UUID;

/**
 * The item layout of the AccountsTable, in one place for every function that touches it (accounts
 * writes accounts, claims and rate limits and queues emails; articles and views read accounts; the
 * mailer delivers the outbox). Each item type has its key here; the attributes that more than one adapter or
 * item type uses are named here too, an item type's own with its one adapter ({@link DynamoAccountStore}, {@link DynamoRateLimitStore}, {@link DynamoMailOutbox}
 * and {@link DynamoOutboxQueue}, {@link DynamoReaderAccounts}, {@link DynamoSuppressionList}).
 * <ul>
 *   <li>account: {@code pk = ACCOUNT#<id>}, {@code sk = ACCOUNT}, with at least {@code activated}
 *       (BOOL), {@code credentialVersion} (N) and, for subscribers, {@code subscriberUntil} (S, ISO instant);</li>
 *   <li>address claim: {@code pk = EMAIL#<normalised address>}, {@code sk = EMAIL}, {@code accountId};</li>
 *   <li>provider identity claim: {@code pk = IDENTITY#<provider>#<subject>}, {@code sk = IDENTITY};</li>
 *   <li>rate limit: {@code pk = RATE#<limit>#<sha-256 of the subject>}, {@code sk = RATE};</li>
 *   <li>outbox email: {@code pk = OUTBOX#<uuid>}, {@code sk = OUTBOX};</li>
 *   <li>used ID token (social sign-in replay): {@code pk = IDTOKEN#<sha-256 of the token>}, {@code sk = IDTOKEN};</li>
 *   <li>suppressed address (SES hard bounce or complaint; {@link DynamoSuppressionList}):
 *       {@code pk = SUPPRESSED#<normalised address>}, {@code sk = SUPPRESSED}. Its own item, not an attribute of
 *       the address claim: a bounce can concern an address no account owns (an unactivated registration,
 *       an "already registered" email), and suppression outlives an account's changes.</li>
 *   <li>session: {@code pk = ACCOUNT#<account id>} (beside its account, so that one batch reads both),
 *       {@code sk = SESSION#<session id>}, attributes in {@link DynamoSessions}.</li>
 * </ul>
 */
public final class AccountsTable {
    public static final String SORT_KEY = "ACCOUNT";
    public static final String ACTIVATED = "activated";
    public static final String CREDENTIAL_VERSION = "credentialVersion";
    public static final String SUBSCRIBER_UNTIL = "subscriberUntil";
    public static final String ACCOUNT_ID = "accountId";
    public static final String EMAIL = "email";
    public static final String NAME = "name";
    /** Argon2id PHC string; absent for an account made by social sign-in. */
    public static final String PASSWORD_HASH = "passwordHash";
    public static final String CREATED_AT = "createdAt";
    /** When a provider identity was linked to its account. */
    public static final String LINKED_AT = "linkedAt";
    /** The table's TTL attribute (epoch seconds): DynamoDB deletes the item some time after it. */
    public static final String EXPIRES_AT = "expiresAt";
    public static final String OUTBOX_PREFIX = "OUTBOX#";
    public static final String SUPPRESSED_PREFIX = "SUPPRESSED#";

    private AccountsTable() {
    }

    public static Map<String, AttributeValue> key(String accountId) {
        return of("ACCOUNT#" + accountId, SORT_KEY);
    }

    public static Map<String, AttributeValue> addressClaimKey(String email) {
        return of("EMAIL#" + email, "EMAIL");
    }

    public static Map<String, AttributeValue> identityClaimKey(String provider, String subject) {
        return of("IDENTITY#" + provider + "#" + subject, "IDENTITY");
    }

    /** @param limitKey the limit's name and the hashed subject, as {@code RateLimit} makes it */
    public static Map<String, AttributeValue> rateLimitKey(String limitKey) {
        return of("RATE#" + limitKey, "RATE");
    }

    public static Map<String, AttributeValue> outboxKey(String outboxId) {
        return of(OUTBOX_PREFIX + outboxId, "OUTBOX");
    }

    public static Map<String, AttributeValue> sessionKey(String accountId, String sessionId) {
        return of("ACCOUNT#" + accountId, "SESSION#" + sessionId);
    }

    public static Map<String, AttributeValue> usedIdTokenKey(String tokenHash) {
        return of("IDTOKEN#" + tokenHash, "IDTOKEN");
    }

    /** @param normalisedAddress as {@code SuppressionList.normalised} makes it */
    public static Map<String, AttributeValue> suppressionKey(String normalisedAddress) {
        return of(SUPPRESSED_PREFIX + normalisedAddress, "SUPPRESSED");
    }

    /**
     * A key in no item's place: random, so that stand-in calls spread over the table's partitions
     * like the accounts they stand in for; never written ({@link DynamoAccountStore#standInWrite}).
     */
    public static Map<String, AttributeValue> standInKey() {
        return of("STAND-IN#" + UUID.randomUUID(), "STAND-IN");
    }

    private static Map<String, AttributeValue> of(String partitionKey, String sortKey) {
        return Map.of("pk", Attr.s(partitionKey), "sk", Attr.s(sortKey));
    }
}
