package id.warta.accounts;

import id.warta.dynamo.AccountsTable;
import id.warta.dynamo.Attr;
import id.warta.dynamo.ConditionalWrite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts in the AccountsTable (keys: {@link AccountsTable}). Account item: plus {@code email},
 * {@code name}, {@code passwordHash} (Argon2id PHC string), {@code createdAt}, and per link purpose
 * {@code <purpose>Hash}/{@code <purpose>ExpiresAt} (SHA-256 of the current token, never the token)
 * and {@code <purpose>NextHash}/{@code <purpose>NextExpiresAt} (a newer link whose email is being
 * queued; both work until it is promoted to current).
 * Address ownership item: {@code accountId}. Provider identity item: {@code accountId}, {@code linkedAt}. An account created by social sign-in has no {@code passwordHash}. Items written
 * by a conditional write carry its {@code writeId} ({@link ConditionalWrite}).
 */
public final class DynamoAccountStore implements AccountStore {
    private static final String EMAIL = "email";
    private static final String NAME = "name";
    private static final String PASSWORD_HASH = "passwordHash";
    private static final String CREATED_AT = "createdAt";
    private static final String WRITE_ID = ConditionalWrite.ATTRIBUTE + " = " + ConditionalWrite.VALUE;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAccountStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static String prefix(TokenPurpose purpose) {
        return purpose == TokenPurpose.ACTIVATION ? "activation" : "reset";
    }

    private static String hashAttribute(TokenPurpose purpose) {
        return prefix(purpose) + "Hash";
    }

    private static String expiryAttribute(TokenPurpose purpose) {
        return prefix(purpose) + "ExpiresAt";
    }

    private static String nextHashAttribute(TokenPurpose purpose) {
        return prefix(purpose) + "NextHash";
    }

    private static String nextExpiryAttribute(TokenPurpose purpose) {
        return prefix(purpose) + "NextExpiresAt";
    }

    /** {@code #hash}, {@code #expires}, {@code #nextHash}, {@code #nextExpires} for the purpose's attributes. */
    private static Map<String, String> tokenNames(TokenPurpose purpose) {
        return Map.of("#hash", hashAttribute(purpose), "#expires", expiryAttribute(purpose),
                "#nextHash", nextHashAttribute(purpose), "#nextExpires", nextExpiryAttribute(purpose));
    }

    @Override
    public void create(Account account) {
        Map<String, AttributeValue> item = new HashMap<>(AccountsTable.key(account.id()));
        item.put(EMAIL, Attr.s(account.email()));
        item.put(NAME, Attr.s(account.name()));
        if (account.passwordHash() != null) {
            item.put(PASSWORD_HASH, Attr.s(account.passwordHash()));
        }
        item.put(AccountsTable.ACTIVATED, Attr.bool(account.activated()));
        item.put(AccountsTable.CREDENTIAL_VERSION, Attr.n(account.credentialVersion()));
        item.put(CREATED_AT, Attr.s(account.createdAt().toString()));
        account.pendingTokens().forEach((purpose, links) -> {
            // A new account has one link per purpose, its current one.
            Account.PendingToken token = links.getFirst();
            item.put(hashAttribute(purpose), Attr.s(token.hash()));
            item.put(expiryAttribute(purpose), Attr.s(token.expiresAt().toString()));
        });
        // The id is new: the item can only exist already as the result of this very write.
        if (!putIfAbsent(AccountsTable.key(account.id()), item)) {
            throw new IllegalStateException("Account id collision");
        }
    }

    @Override
    public boolean claimEmail(String email, String accountId) {
        Map<String, AttributeValue> item = new HashMap<>(AccountsTable.addressClaimKey(email));
        item.put(AccountsTable.ACCOUNT_ID, Attr.s(accountId));
        return putIfAbsent(AccountsTable.addressClaimKey(email), item);
    }

    /**
     * Puts an item that must not exist yet. A retry of a put that landed finds its own item, not
     * someone else's claim (it was once read as "address taken" and the new account thrown away).
     */
    private boolean putIfAbsent(Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        return ConditionalWrite.start().putIfAbsent(dynamo, table, key, item);
    }

    @Override
    public void discard(String accountId) {
        dynamo.deleteItem(b -> b.tableName(table).key(AccountsTable.key(accountId)));
    }

    @Override
    public Optional<Account> find(String accountId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(AccountsTable.key(accountId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(accountId, item));
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return findThrough(AccountsTable.addressClaimKey(email));
    }

    @Override
    public Optional<Account> findByIdentity(String provider, String subject) {
        return findThrough(AccountsTable.identityClaimKey(provider, subject));
    }

    /** The account that an ownership item (address or provider identity) points to. */
    private Optional<Account> findThrough(Map<String, AttributeValue> ownershipKey) {
        Map<String, AttributeValue> owner = dynamo.getItem(b -> b.tableName(table)
                .key(ownershipKey).consistentRead(true)).item();
        String accountId = owner == null ? null : Attr.string(owner, AccountsTable.ACCOUNT_ID);
        return accountId == null ? Optional.empty() : find(accountId);
    }

    @Override
    public boolean linkIdentity(String provider, String subject, String accountId, Instant linkedAt) {
        Map<String, AttributeValue> item = new HashMap<>(AccountsTable.identityClaimKey(provider, subject));
        item.put(AccountsTable.ACCOUNT_ID, Attr.s(accountId));
        item.put("linkedAt", Attr.s(linkedAt.toString()));
        return putIfAbsent(AccountsTable.identityClaimKey(provider, subject), item);
    }

    @Override
    public void activateForVerifiedOwner(String accountId) {
        // Retry-safe without a write id: a retry that finds the account activated (by its own first
        // attempt or by the owner's link) has nothing left to do either way.
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(AccountsTable.key(accountId))
                    .conditionExpression("attribute_exists(pk) AND activated = :false")
                    .updateExpression("SET activated = :true ADD credentialVersion :one REMOVE passwordHash,"
                            + " activationHash, activationExpiresAt, activationNextHash, activationNextExpiresAt")
                    .expressionAttributeValues(Map.of(":false", Attr.bool(false), ":true", Attr.bool(true),
                            ":one", Attr.n(1))));
        } catch (ConditionalCheckFailedException alreadyActivated) {
            // Activated meanwhile by its owner's link: nothing to take over.
        }
    }

    @Override
    public void addToken(String accountId, TokenPurpose purpose, String hash, Instant expiresAt) {
        // Retry-safe as it is: a retry sets the same values again, and the account still exists.
        dynamo.updateItem(b -> b.tableName(table)
                .key(AccountsTable.key(accountId))
                .conditionExpression("attribute_exists(pk)")
                .updateExpression("SET #nextHash = :hash, #nextExpires = :expires")
                .expressionAttributeNames(Map.of("#nextHash", nextHashAttribute(purpose),
                        "#nextExpires", nextExpiryAttribute(purpose)))
                .expressionAttributeValues(Map.of(":hash", Attr.s(hash), ":expires", Attr.s(expiresAt.toString()))));
    }

    @Override
    public void promoteToken(String accountId, TokenPurpose purpose, String hash) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(AccountsTable.key(accountId))
                    .conditionExpression("#nextHash = :hash")
                    .updateExpression("SET #hash = #nextHash, #expires = #nextExpires REMOVE #nextHash, #nextExpires")
                    .expressionAttributeNames(tokenNames(purpose))
                    .expressionAttributeValues(Map.of(":hash", Attr.s(hash))));
        } catch (ConditionalCheckFailedException nothingToPromote) {
            // Retry-safe without a write id: the link is current already (this write's earlier
            // attempt), used up, or replaced by a newer one; in each case nothing is left to do.
        }
    }

    @Override
    public boolean activate(String accountId, String tokenHash) {
        return updateIfCurrentToken(accountId, TokenPurpose.ACTIVATION, tokenHash,
                "SET activated = :true, " + WRITE_ID, Map.of(":true", Attr.bool(true)));
    }

    @Override
    public boolean resetPassword(String accountId, String tokenHash, String passwordHash) {
        return updateIfCurrentToken(accountId, TokenPurpose.PASSWORD_RESET, tokenHash,
                "SET passwordHash = :password, " + WRITE_ID + " ADD credentialVersion :one",
                Map.of(":password", Attr.s(passwordHash), ":one", Attr.n(1)));
    }

    /**
     * The condition on the stored hashes makes the link single-use even when two requests race; the
     * write id recognises a retry whose first attempt used the link (else a reset or activation
     * that succeeded would be reported as an invalid link).
     */
    private boolean updateIfCurrentToken(String accountId, TokenPurpose purpose, String tokenHash, String update,
                                         Map<String, AttributeValue> values) {
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":hash", Attr.s(tokenHash));
        return ConditionalWrite.start().update(dynamo, UpdateItemRequest.builder().tableName(table)
                .key(AccountsTable.key(accountId))
                .conditionExpression("#hash = :hash OR #nextHash = :hash")
                .updateExpression(update + " REMOVE #hash, #expires, #nextHash, #nextExpires")
                .expressionAttributeNames(tokenNames(purpose))
                .expressionAttributeValues(allValues)
                .build());
    }

    @Override
    public boolean setSubscriberUntil(String accountId, Instant until) {
        // Retry-safe as it is: a retry sets the same value on the same, still existing, account.
        try {
            dynamo.updateItem(b -> {
                b.tableName(table).key(AccountsTable.key(accountId)).conditionExpression("attribute_exists(pk)");
                if (until == null) {
                    b.updateExpression("REMOVE subscriberUntil");
                } else {
                    b.updateExpression("SET subscriberUntil = :until")
                            .expressionAttributeValues(Map.of(":until", Attr.s(until.toString())));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Account fromItem(String accountId, Map<String, AttributeValue> item) {
        Map<TokenPurpose, List<Account.PendingToken>> tokens = new EnumMap<>(TokenPurpose.class);
        for (TokenPurpose purpose : TokenPurpose.values()) {
            List<Account.PendingToken> links = new ArrayList<>();
            link(item, hashAttribute(purpose), expiryAttribute(purpose)).ifPresent(links::add);
            link(item, nextHashAttribute(purpose), nextExpiryAttribute(purpose)).ifPresent(links::add);
            if (!links.isEmpty()) {
                tokens.put(purpose, links);
            }
        }
        String until = Attr.string(item, AccountsTable.SUBSCRIBER_UNTIL);
        String created = Attr.string(item, CREATED_AT);
        return new Account(accountId, Attr.string(item, EMAIL), Attr.string(item, NAME), Attr.string(item, PASSWORD_HASH),
                Attr.bool(item, AccountsTable.ACTIVATED), Attr.number(item, AccountsTable.CREDENTIAL_VERSION, 0),
                until == null ? null : Instant.parse(until), created == null ? null : Instant.parse(created), tokens);
    }

    private static Optional<Account.PendingToken> link(Map<String, AttributeValue> item, String hashAttribute,
                                                       String expiryAttribute) {
        String hash = Attr.string(item, hashAttribute);
        String expires = Attr.string(item, expiryAttribute);
        return hash == null || expires == null ? Optional.empty()
                : Optional.of(new Account.PendingToken(hash, Instant.parse(expires)));
    }
}
