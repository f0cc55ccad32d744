package id.warta.sessions;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sessions, one item each, written with single-item conditional writes only. A refresh is one
 * {@link #read} and at most one {@link #rotate}.
 */
public interface SessionStore {

    /** Writes a new session (its id is fresh, so it cannot collide). */
    void start(StoredSession session);

    /** The session and its account's current credential version, read together in one call. */
    Snapshot read(String accountId, String sessionId);

    /** @param accountCredentialVersion empty when the account is gone */
    record Snapshot(Optional<StoredSession> session, OptionalLong accountCredentialVersion) {
    }

    /**
     * Replaces the session with its rotation {@code next} if its current credential is still the one
     * with {@code presentedHash}: one conditional write.
     *
     * @return whether it did; when not, the session as it stood when the condition failed (empty when
     *         it is gone), from which a retry of this very rotation that had landed, or a concurrent
     *         rotation of the same credential, is recognised
     */
    Rotation rotate(StoredSession next, String presentedHash);

    /** @param stored when not applied, the session as it stood then (empty when it is gone) */
    record Rotation(boolean applied, Optional<StoredSession> stored) {
        public static final Rotation APPLIED = new Rotation(true, Optional.empty());

        public static Rotation refused(Optional<StoredSession> stored) {
            return new Rotation(false, stored);
        }
    }

    /** Ends the session (idempotent). */
    void end(String accountId, String sessionId);
}
