package id.warta.hashing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * HMAC-SHA-256 under a key of its own for one purpose, derived from the server key (the HMAC of the
 * purpose's name under it): a value hashed here cannot be found from its hash without the server key
 * (an unkeyed hash of an IPv4 address or a guessed email address can simply be recomputed), and two
 * purposes never share a key. The session chain, the views' network pseudonyms and the rate limits'
 * subjects each have one.
 */
public final class KeyedHash {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param purpose names the use; changing it changes every hash of that use */
    public KeyedHash(String serverKey, String purpose) {
        Mac derivation = mac(new SecretKeySpec(serverKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        this.key = new SecretKeySpec(derivation.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), ALGORITHM);
    }

    /** A Mac under this purpose's key, for hashing many values in a row (one thread at a time). */
    public Mac mac() {
        return mac(key);
    }

    /** The HMAC of the message's UTF-8 bytes. */
    public byte[] digest(String message) {
        return mac().doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The lower-case hex HMAC of the message's UTF-8 bytes. */
    public String hex(String message) {
        return HexFormat.of().formatHex(digest(message));
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has " + ALGORITHM, e);
        }
    }
}
