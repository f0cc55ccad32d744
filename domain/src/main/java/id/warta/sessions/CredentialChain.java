package id.warta.sessions;

import id.warta.hashing.KeyedHash;
import id.warta.hashing.Sha256;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalInt;

/**
 * The credentials of one session form a chain: each rotation's successor is the HMAC-SHA256, under
 * a server key, of the credential it replaces. So a credential presented twice (two tabs refreshing
 * at the same moment, or the SDK retrying a rotation that had landed) gets the very same successor
 * without any credential being stored, and a credential rotated away, however many rotations ago,
 * is recognised as this session's by walking forward to the current one. Without the key, nobody
 * holding a credential can compute its successors.
 */
public final class CredentialChain {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyedHash chain;

    /** @param secret the server secret the key is derived from (a key of its own, for this use only) */
    public CredentialChain(String secret) {
        this.chain = new KeyedHash(secret, "warta session credential chain");
    }

    /** The credential that replaces {@code credential} when it is rotated. */
    public SessionCredential successor(SessionCredential credential) {
        return successor(credential, chain.mac());
    }

    /**
     * How many rotations lead from {@code credential} to the one with {@code currentHash}: 0 when it
     * is the current one; empty when none of the next {@code maxSteps} is (not this session's, or
     * older than the walk goes).
     */
    public OptionalInt stepsToCurrent(SessionCredential credential, String currentHash, long maxSteps) {
        Mac mac = chain.mac();
        SessionCredential walked = credential;
        for (int steps = 0; steps <= maxSteps; steps++) {
            if (Sha256.sameHash(walked.hash(), currentHash)) {
                return OptionalInt.of(steps);
            }
            walked = successor(walked, mac);
        }
        return OptionalInt.empty();
    }

    private static SessionCredential successor(SessionCredential credential, Mac mac) {
        String secret = BASE64URL.encodeToString(mac.doFinal(credential.value().getBytes(StandardCharsets.UTF_8)));
        return new SessionCredential(credential.accountId(), credential.sessionId(),
                credential.accountId() + "." + credential.sessionId() + "." + secret);
    }
}
