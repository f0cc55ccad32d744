package id.warta.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The account as the accounts function sees it. {@code pendingTokens} holds, per purpose, the hash
 * and expiry of the links valid now: the current one, and for the moment that a newer link's email
 * is being queued, that newer one too (once it is queued it replaces the current one). Using a link
 * uses up every link of its purpose.
 */
public record Account(String id, String email, String name, String passwordHash, boolean activated,
                      long credentialVersion, Instant subscriberUntil, Instant createdAt,
                      Map<TokenPurpose, List<PendingToken>> pendingTokens) {

    public Account {
        pendingTokens = Map.copyOf(pendingTokens);
    }

    public record PendingToken(String hash, Instant expiresAt) {
    }

    public boolean subscriberAt(Instant now) {
        return subscriberUntil != null && now.isBefore(subscriberUntil);
    }
}
