package id.warta.sessions;

import java.time.Instant;

/**
 * One session as stored: whose it is, the credential version of the account when it started (a
 * password reset or a sign-out everywhere raises the account's, which ends the session), the hash of
 * its current credential (never a credential), when that was issued, how many rotations led to it,
 * and until when it lasts (sliding for a remembered session, fixed otherwise).
 */
public record StoredSession(String accountId, String sessionId, long credentialVersion, boolean remember,
                            String currentHash, Instant rotatedAt, long rotations, Instant expiresAt) {

    /** The session after one rotation to the credential with {@code successorHash}. */
    StoredSession rotatedTo(String successorHash, Instant now, Instant newExpiry) {
        return new StoredSession(accountId, sessionId, credentialVersion, remember, successorHash, now, rotations + 1,
                newExpiry);
    }
}
