package id.warta.dynamo;

import id.warta.membership.Account;
import id.warta.membership.AccountStore;
import id.warta.membership.TokenPurpose;

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
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Accounts in the AccountsTable (keys: {@link AccountsTable}). Account item: plus {@code email},
 * {@code name}, {@code passwordHash} (Argon2id PHC string), {@code createdAt}, and per link purpose
 * {@code <purpose>Hash}/{@code <purpose>ExpiresAt} (SHA-256 of the current token, never the token)
 * and {@code <purpose>NextHash}/{@code <purpose>NextExpiresAt} (a newer link whose email is being
 * queued; both work until it is promoted to current). An activation link also stores the
 * registration it was sent for: {@code activationPasswordHash}/{@code activationName} (and
 * {@code activationNextPasswordHash}/{@code activationNextName}), moved with it and removed once a
 * link is used.
 * Address ownership item: {@code pk = EMAIL#<normalised address>}, {@code sk = EMAIL}, {@code accountId}.
 * Provider identity item: {@code pk = IDENTITY#<provider>#<subject>}, {@code sk = IDENTITY}, {@code accountId},
 * {@code linkedAt}. An account created by social sign-in has no {@code passwordHash}. Items written
 * by a conditional write carry its {@code writeId} ({@link ConditionalWrite}). Stand-in calls read
 * and conditionally write {@code pk = STAND-IN#<random uuid>}, {@code sk = STAND-IN}, which never exists.
 */
public final class DynamoAccountStore implements AccountStore {
    private static final String WRITE_ID = ConditionalWrite.ATTRIBUTE + " = " + ConditionalWrite.VALUE;
    private static final String LINK_HASH = "Hash";
    private static final String LINK_EXPIRES_AT = "ExpiresAt";
    private static final String LINK_PASSWORD_HASH = "PasswordHash";
    private static final String LINK_NAME = "Name";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAccountStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** What one link of the purpose stores, as attribute name suffixes; the hash comes first. */
    private static List<String> linkFields(TokenPurpose purpose) {
        return purpose.carriesRegistration() ? List.of(LINK_HASH, LINK_EXPIRES_AT, LINK_PASSWORD_HASH, LINK_NAME)
                : List.of(LINK_HASH, LINK_EXPIRES_AT);
    }

    /** The attribute of the purpose's current link ({@code next} false) or of its added one. */
    private static String attribute(TokenPurpose purpose, boolean next, String field) {
        return (purpose == TokenPurpose.ACTIVATION ? "activation" : "reset") + (next ? "Next" : "") + field;
    }

    /** The values of the link's fields, in {@link #linkFields} order. */
    private static List<AttributeValue> linkValues(TokenPurpose purpose, Account.PendingToken link) {
        List<AttributeValue> values = new ArrayList<>(List.of(Attr.s(link.hash()), Attr.s(link.expiresAt().toString())));
        if (purpose.carriesRegistration()) {
            Account.Registration registration = Objects.requireNonNull(link.registration(),
                    "an activation link carries the registration it activates");
            values.add(Attr.s(registration.passwordHash()));
            values.add(Attr.s(registration.name()));
        }
        return values;
    }

    /**
     * Placeholders {@code #c0, #c1, ...} for the current link's attributes and {@code #n0, #n1, ...}
     * for the added link's, in {@link #linkFields} order (so {@code #c0}/{@code #n0} are the hashes).
     */
    private static Map<String, String> linkNames(TokenPurpose purpose) {
        Map<String, String> names = new HashMap<>();
        List<String> fields = linkFields(purpose);
        for (int i = 0; i < fields.size(); i++) {
            names.put("#c" + i, attribute(purpose, false, fields.get(i)));
            names.put("#n" + i, attribute(purpose, true, fields.get(i)));
        }
        return names;
    }

    /** {@code REMOVE} of both links of the purpose with everything they store. */
    private static String removeLinks(TokenPurpose purpose) {
        StringJoiner remove = new StringJoiner(", ", " REMOVE ", "");
        for (int i = 0; i < linkFields(purpose).size(); i++) {
            remove.add("#c" + i).add("#n" + i);
        }
        return remove.toString();
    }

    @Override
    public void create(Account account) {
        Map<String, AttributeValue> item = new HashMap<>(AccountsTable.key(account.id()));
        item.put(AccountsTable.EMAIL, Attr.s(account.email()));
        item.put(AccountsTable.NAME, Attr.s(account.name()));
        if (account.passwordHash() != null) {
            item.put(AccountsTable.PASSWORD_HASH, Attr.s(account.passwordHash()));
        }
        item.put(AccountsTable.ACTIVATED, Attr.bool(account.activated()));
        item.put(AccountsTable.CREDENTIAL_VERSION, Attr.n(account.credentialVersion()));
        item.put(AccountsTable.CREATED_AT, Attr.s(account.createdAt().toString()));
        account.pendingTokens().forEach((purpose, links) -> {
            // A new account has one link per purpose, its current one.
            List<String> fields = linkFields(purpose);
            List<AttributeValue> values = linkValues(purpose, links.getFirst());
            for (int i = 0; i < fields.size(); i++) {
                item.put(attribute(purpose, false, fields.get(i)), values.get(i));
            }
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
        Optional<String> owner = ownerOf(AccountsTable.addressClaimKey(email));
        if (owner.isEmpty()) {
            standInRead();
        }
        return owner.flatMap(this::find);
    }

    @Override
    public Optional<Account> findByIdentity(String provider, String subject) {
        return ownerOf(AccountsTable.identityClaimKey(provider, subject)).flatMap(this::find);
    }

    /** The id of the account that an ownership item (address or provider identity) points to. */
    private Optional<String> ownerOf(Map<String, AttributeValue> ownershipKey) {
        Map<String, AttributeValue> owner = dynamo.getItem(b -> b.tableName(table)
                .key(ownershipKey).consistentRead(true)).item();
        return Optional.ofNullable(owner == null ? null : Attr.string(owner, AccountsTable.ACCOUNT_ID));
    }

    @Override
    public void standInRead() {
        dynamo.getItem(b -> b.tableName(table).key(AccountsTable.standInKey()).consistentRead(true));
    }

    @Override
    public void standInWrite() {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(AccountsTable.standInKey())
                    .conditionExpression("attribute_exists(pk)")
                    .updateExpression("SET standIn = :true")
                    .expressionAttributeValues(Map.of(":true", Attr.bool(true))));
        } catch (ConditionalCheckFailedException expected) {
            // The round trip of a write was the point; the condition keeps the item from existing.
        }
    }

    @Override
    public boolean linkIdentity(String provider, String subject, String accountId, Instant linkedAt) {
        Map<String, AttributeValue> item = new HashMap<>(AccountsTable.identityClaimKey(provider, subject));
        item.put(AccountsTable.ACCOUNT_ID, Attr.s(accountId));
        item.put(AccountsTable.LINKED_AT, Attr.s(linkedAt.toString()));
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
                    .updateExpression("SET activated = :true ADD credentialVersion :one"
                            + removeLinks(TokenPurpose.ACTIVATION) + ", passwordHash")
                    .expressionAttributeNames(linkNames(TokenPurpose.ACTIVATION))
                    .expressionAttributeValues(Map.of(":false", Attr.bool(false), ":true", Attr.bool(true),
                            ":one", Attr.n(1))));
        } catch (ConditionalCheckFailedException alreadyActivated) {
            // Activated meanwhile by its owner's link: nothing to take over.
        }
    }

    @Override
    public void addToken(String accountId, TokenPurpose purpose, Account.PendingToken link) {
        List<AttributeValue> linkValues = linkValues(purpose, link);
        List<String> fields = linkFields(purpose);
        StringJoiner set = new StringJoiner(", ", "SET ", "");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            set.add("#n" + i + " = :v" + i);
            names.put("#n" + i, attribute(purpose, true, fields.get(i)));
            values.put(":v" + i, linkValues.get(i));
        }
        // Retry-safe as it is: a retry sets the same values again, and the account still exists.
        dynamo.updateItem(b -> b.tableName(table)
                .key(AccountsTable.key(accountId))
                .conditionExpression("attribute_exists(pk)")
                .updateExpression(set.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    @Override
    public void promoteToken(String accountId, TokenPurpose purpose, String hash) {
        StringJoiner set = new StringJoiner(", ", "SET ", "");
        StringJoiner remove = new StringJoiner(", ", " REMOVE ", "");
        for (int i = 0; i < linkFields(purpose).size(); i++) {
            set.add("#c" + i + " = #n" + i);
            remove.add("#n" + i);
        }
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(AccountsTable.key(accountId))
                    .conditionExpression("#n0 = :hash")
                    .updateExpression(set + remove.toString())
                    .expressionAttributeNames(linkNames(purpose))
                    .expressionAttributeValues(Map.of(":hash", Attr.s(hash))));
        } catch (ConditionalCheckFailedException nothingToPromote) {
            // Retry-safe without a write id: the link is current already (this write's earlier
            // attempt), used up, or replaced by a newer one; in each case nothing is left to do.
        }
    }

    @Override
    public boolean activate(String accountId, String tokenHash, Account.Registration registration) {
        return updateIfCurrentToken(accountId, TokenPurpose.ACTIVATION, tokenHash,
                "SET activated = :true, passwordHash = :password, #name = :name, " + WRITE_ID + " ADD credentialVersion :one",
                Map.of("#name", AccountsTable.NAME),
                Map.of(":true", Attr.bool(true), ":password", Attr.s(registration.passwordHash()),
                        ":name", Attr.s(registration.name()), ":one", Attr.n(1)));
    }

    @Override
    public boolean resetPassword(String accountId, String tokenHash, String passwordHash) {
        return updateIfCurrentToken(accountId, TokenPurpose.PASSWORD_RESET, tokenHash,
                "SET passwordHash = :password, " + WRITE_ID + " ADD credentialVersion :one", Map.of(),
                Map.of(":password", Attr.s(passwordHash), ":one", Attr.n(1)));
    }

    /**
     * The condition on the stored hashes makes the link single-use even when two requests race; the
     * write id recognises a retry whose first attempt used the link (else a reset or activation
     * that succeeded would be reported as an invalid link).
     */
    private boolean updateIfCurrentToken(String accountId, TokenPurpose purpose, String tokenHash, String update,
                                         Map<String, String> names, Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(linkNames(purpose));
        allNames.putAll(names);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":hash", Attr.s(tokenHash));
        return ConditionalWrite.start().update(dynamo, UpdateItemRequest.builder().tableName(table)
                .key(AccountsTable.key(accountId))
                .conditionExpression("#c0 = :hash OR #n0 = :hash")
                .updateExpression(update + removeLinks(purpose))
                .expressionAttributeNames(allNames)
                .expressionAttributeValues(allValues)
                .build());
    }

    @Override
    public void revokeCredentials(String accountId, long credentialVersion) {
        // Retry-safe without a write id: a retry whose first attempt landed finds the version raised,
        // as it does after a reset in between; either way every older token and session is revoked.
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(AccountsTable.key(accountId))
                    .conditionExpression("#version = :seen")
                    .updateExpression("ADD #version :one")
                    .expressionAttributeNames(Map.of("#version", AccountsTable.CREDENTIAL_VERSION))
                    .expressionAttributeValues(Map.of(":seen", Attr.n(credentialVersion), ":one", Attr.n(1))));
        } catch (ConditionalCheckFailedException alreadyRaised) {
            // Raised already: by this write's earlier attempt, or by a reset or activation meanwhile.
        }
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
            link(item, purpose, false).ifPresent(links::add);
            link(item, purpose, true).ifPresent(links::add);
            if (!links.isEmpty()) {
                tokens.put(purpose, links);
            }
        }
        String until = Attr.string(item, AccountsTable.SUBSCRIBER_UNTIL);
        String created = Attr.string(item, AccountsTable.CREATED_AT);
        return new Account(accountId, Attr.string(item, AccountsTable.EMAIL), Attr.string(item, AccountsTable.NAME), Attr.string(item, AccountsTable.PASSWORD_HASH),
                Attr.bool(item, AccountsTable.ACTIVATED), Attr.number(item, AccountsTable.CREDENTIAL_VERSION, 0),
                until == null ? null : Instant.parse(until), created == null ? null : Instant.parse(created), tokens);
    }

    private static Optional<Account.PendingToken> link(Map<String, AttributeValue> item, TokenPurpose purpose, boolean next) {
        String hash = Attr.string(item, attribute(purpose, next, LINK_HASH));
        String expires = Attr.string(item, attribute(purpose, next, LINK_EXPIRES_AT));
        if (hash == null || expires == null) {
            return Optional.empty();
        }
        String passwordHash = Attr.string(item, attribute(purpose, next, LINK_PASSWORD_HASH));
        String name = Attr.string(item, attribute(purpose, next, LINK_NAME));
        return Optional.of(new Account.PendingToken(hash, Instant.parse(expires),
                passwordHash == null || name == null ? null : new Account.Registration(passwordHash, name)));
    }
}
