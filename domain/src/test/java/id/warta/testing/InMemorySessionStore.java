package id.warta.testing;

import id.warta.membership.AccountStore;
import id.warta.sessions.SessionStore;
import id.warta.sessions.StoredSession;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sessions in memory with the store's conditional rotation; the accounts' credential versions come
 * from the account store the sessions belong to.
 */
public final class InMemorySessionStore implements SessionStore {
    private final Map<String, StoredSession> sessions = new HashMap<>();
    private final AccountStore accounts;

    public InMemorySessionStore(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public synchronized void start(StoredSession session) {
        if (sessions.putIfAbsent(key(session.accountId(), session.sessionId()), session) != null) {
            throw new IllegalStateException("duplicate session id");
        }
    }

    @Override
    public synchronized Snapshot read(String accountId, String sessionId) {
        return new Snapshot(Optional.ofNullable(sessions.get(key(accountId, sessionId))),
                accounts.find(accountId).map(a -> OptionalLong.of(a.credentialVersion())).orElse(OptionalLong.empty()));
    }

    @Override
    public synchronized Rotation rotate(StoredSession next, String presentedHash) {
        String key = key(next.accountId(), next.sessionId());
        StoredSession stored = sessions.get(key);
        if (stored == null || !stored.currentHash().equals(presentedHash)) {
            return Rotation.refused(Optional.ofNullable(stored));
        }
        sessions.put(key, next);
        return Rotation.APPLIED;
    }

    @Override
    public synchronized void end(String accountId, String sessionId) {
        sessions.remove(key(accountId, sessionId));
    }

    /** The sessions of the account that are stored (ended ones are gone). */
    public synchronized long countOf(String accountId) {
        return sessions.values().stream().filter(s -> s.accountId().equals(accountId)).count();
    }

    private static String key(String accountId, String sessionId) {
        return accountId + "#" + sessionId;
    }
}
