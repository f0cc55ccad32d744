package id.warta.membership;

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

    /**
     * One emailed link. An activation link carries the {@code registration} it was sent for, which
     * activating it puts in place; null for reset links, and for activation links stored before links
     * carried one (those activate the account's own credentials).
     */
    public record PendingToken(String hash, Instant expiresAt, Registration registration) {

        /** A link that carries no registration (a reset link). */
        public PendingToken(String hash, Instant expiresAt) {
            this(hash, expiresAt, null);
        }
    }

    /**
     * What one registration of the address chose: the password (its Argon2id hash only) and the name.
     * An address can be registered again until it is activated, by anyone; only the registration whose
     * link is used gets the account.
     */
    public record Registration(String passwordHash, String name) {
    }

    /** The registration an activation link continues when none is stored with it: the account's own. */
    public Registration ownRegistration() {
        return new Registration(passwordHash, name);
    }

    public boolean subscriberAt(Instant now) {
        return subscriberUntil != null && now.isBefore(subscriberUntil);
    }
}
