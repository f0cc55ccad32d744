package id.warta.accounts;

import java.time.Instant;
import java.util.Map;

/**
 * The account as the accounts function sees it. {@code pendingTokens} holds, per purpose, the hash
 * and expiry of the one link currently valid: issuing a new link replaces it, using it removes it.
 */
public record Account(String id, String email, String name, String passwordHash, boolean activated,
                      long credentialVersion, Instant subscriberUntil, Instant createdAt,
                      Map<TokenPurpose, PendingToken> pendingTokens) {

    public Account {
        pendingTokens = Map.copyOf(pendingTokens);
    }

    public record PendingToken(String hash, Instant expiresAt) {
    }

    public boolean subscriberAt(Instant now) {
        return subscriberUntil != null && now.isBefore(subscriberUntil);
    }
}
