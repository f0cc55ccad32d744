package id.warta.testing;

import id.warta.membership.Account;
import id.warta.membership.AccountStore;
import id.warta.membership.TokenPurpose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The store's conditional semantics in memory, for domain and handler tests. */
public final class InMemoryAccountStore implements AccountStore {
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, String> identities = new HashMap<>();

    @Override
    public synchronized void create(Account account) {
        if (accounts.putIfAbsent(account.id(), account) != null) {
            throw new IllegalStateException("duplicate account id");
        }
    }

    @Override
    public synchronized boolean claimEmail(String email, String accountId) {
        return owners.putIfAbsent(email, accountId) == null;
    }

    @Override
    public synchronized void discard(String accountId) {
        accounts.remove(accountId);
    }

    @Override
    public synchronized Optional<Account> find(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public synchronized Optional<Account> findByEmail(String email) {
        return Optional.ofNullable(owners.get(email)).flatMap(this::find);
    }

    @Override
    public void standInRead() {
        // Nothing to read: only the call counts (see CountingStores).
    }

    @Override
    public void standInWrite() {
        // Nothing to write: only the call counts (see CountingStores).
    }

    /** Puts an account with its address claimed, as a finished registration leaves it. */
    public synchronized void save(Account account) {
        accounts.put(account.id(), account);
        owners.put(account.email(), account.id());
    }

    /** The current link stays first; an added one, not yet promoted, second. */
    @Override
    public synchronized void addToken(String accountId, TokenPurpose purpose, Account.PendingToken link) {
        Account account = accounts.get(accountId);
        List<Account.PendingToken> links = new ArrayList<>();
        links.add(account.pendingTokens().getOrDefault(purpose, List.of()).stream().findFirst().orElse(null));
        links.add(link);
        links.removeIf(Objects::isNull);
        withTokens(account, purpose, links);
    }

    @Override
    public synchronized void promoteToken(String accountId, TokenPurpose purpose, String hash) {
        Account account = accounts.get(accountId);
        List<Account.PendingToken> links = account.pendingTokens().getOrDefault(purpose, List.of());
        if (links.size() == 2 && links.getLast().hash().equals(hash)) {
            withTokens(account, purpose, List.of(links.getLast()));
        }
    }

    private void withTokens(Account account, TokenPurpose purpose, List<Account.PendingToken> links) {
        Map<TokenPurpose, List<Account.PendingToken>> tokens = new EnumMap<>(TokenPurpose.class);
        tokens.putAll(account.pendingTokens());
        tokens.put(purpose, List.copyOf(links));
        accounts.put(account.id(), with(account, account.activated(), account.passwordHash(), account.credentialVersion(),
                account.subscriberUntil(), tokens));
    }

    @Override
    public synchronized boolean activate(String accountId, String tokenHash, Account.Registration registration) {
        Account account = accounts.get(accountId);
        if (!isCurrent(account, TokenPurpose.ACTIVATION, tokenHash)) {
            return false;
        }
        accounts.put(accountId, new Account(accountId, account.email(), registration.name(), registration.passwordHash(),
                true, account.credentialVersion() + 1, account.subscriberUntil(), account.createdAt(),
                without(account, TokenPurpose.ACTIVATION)));
        return true;
    }

    @Override
    public synchronized void revokeCredentials(String accountId, long credentialVersion) {
        Account account = accounts.get(accountId);
        if (account != null && account.credentialVersion() == credentialVersion) {
            accounts.put(accountId, with(account, account.activated(), account.passwordHash(), credentialVersion + 1,
                    account.subscriberUntil(), account.pendingTokens()));
        }
    }

    @Override
    public synchronized boolean resetPassword(String accountId, String tokenHash, String passwordHash) {
        Account account = accounts.get(accountId);
        if (!isCurrent(account, TokenPurpose.PASSWORD_RESET, tokenHash)) {
            return false;
        }
        accounts.put(accountId, with(account, account.activated(), passwordHash, account.credentialVersion() + 1,
                account.subscriberUntil(), without(account, TokenPurpose.PASSWORD_RESET)));
        return true;
    }

    @Override
    public synchronized boolean setSubscriberUntil(String accountId, Instant until) {
        Account account = accounts.get(accountId);
        if (account == null) {
            return false;
        }
        accounts.put(accountId, with(account, account.activated(), account.passwordHash(), account.credentialVersion(),
                until, account.pendingTokens()));
        return true;
    }

    @Override
    public synchronized Optional<Account> findByIdentity(String provider, String subject) {
        return Optional.ofNullable(identities.get(provider + "#" + subject)).flatMap(this::find);
    }

    @Override
    public synchronized boolean linkIdentity(String provider, String subject, String accountId, Instant linkedAt) {
        return identities.putIfAbsent(provider + "#" + subject, accountId) == null;
    }

    @Override
    public synchronized void activateForVerifiedOwner(String accountId) {
        Account account = accounts.get(accountId);
        if (account != null && !account.activated()) {
            accounts.put(accountId, with(account, true, null, account.credentialVersion() + 1, account.subscriberUntil(),
                    without(account, TokenPurpose.ACTIVATION)));
        }
    }

    private static boolean isCurrent(Account account, TokenPurpose purpose, String hash) {
        return account != null && account.pendingTokens().getOrDefault(purpose, List.of()).stream()
                .anyMatch(link -> link.hash().equals(hash));
    }

    private static Map<TokenPurpose, List<Account.PendingToken>> without(Account account, TokenPurpose purpose) {
        Map<TokenPurpose, List<Account.PendingToken>> tokens = new HashMap<>(account.pendingTokens());
        tokens.remove(purpose);
        return tokens;
    }

    private static Account with(Account a, boolean activated, String passwordHash, long credentialVersion,
                                Instant subscriberUntil, Map<TokenPurpose, List<Account.PendingToken>> tokens) {
        return new Account(a.id(), a.email(), a.name(), passwordHash, activated, credentialVersion, subscriberUntil,
                a.createdAt(), tokens);
    }
}
