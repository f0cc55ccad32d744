package id.warta.sessions;

import id.warta.hashing.Sha256;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A session's refresh credential, as the {@code warta_session} cookie carries it:
 * {@code <accountId>.<sessionId>.<secret>}, the secret 256 bits in base64url. The account and session
 * ids only route it to its session item (one read, beside the account's); the secret proves
 * possession. Only the SHA-256 of the whole credential is ever stored.
 */
public record SessionCredential(String accountId, String sessionId, String value) {
    private static final Pattern SHAPE = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]{22})\\.[A-Za-z0-9_-]{43}");

    /** Empty for anything that cannot be one of our credentials (never turned into a key). */
    public static Optional<SessionCredential> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var matcher = SHAPE.matcher(value);
        return matcher.matches() ? Optional.of(new SessionCredential(matcher.group(1), matcher.group(2), value))
                : Optional.empty();
    }

    public String hash() {
        return Sha256.hex(value);
    }

    /** Not the credential: a record's default toString would print it into any log that shows the record. */
    @Override
    public String toString() {
        return "SessionCredential[session=" + sessionId + "]";
    }
}
