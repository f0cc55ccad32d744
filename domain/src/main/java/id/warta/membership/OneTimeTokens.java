package id.warta.membership;

import id.warta.hashing.Sha256;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Email-link tokens: {@code <accountId>.<256 random bits, base64url>}. The account id only routes the
 * token to its account item (one read, no token index); the secret part is what proves possession.
 * Only the SHA-256 of the whole token is ever stored.
 */
public final class OneTimeTokens {
    private static final int SECRET_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}");

    private final SecureRandom random;

    public OneTimeTokens(SecureRandom random) {
        this.random = random;
    }

    public record Issued(String token, String hash) {
    }

    public record Presented(String accountId, String hash) {
    }

    public Issued issue(String accountId) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String token = accountId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Issued(token, Sha256.hex(token));
    }

    /** Empty for anything that cannot be one of our tokens. */
    public static Optional<Presented> parse(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Presented(token.substring(0, token.indexOf('.')), Sha256.hex(token)));
    }
}
