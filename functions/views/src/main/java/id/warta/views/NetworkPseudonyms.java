package id.warta.views;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;

/**
 * Stand-ins for client addresses where views are counted and limited, so that no address is ever
 * stored: an HMAC-SHA-256 of the address and a time window, under a key derived from the function's
 * secret. Without the key an address cannot be found from its pseudonym (an unkeyed hash of the 2^32
 * IPv4 addresses could simply be enumerated), and the pseudonyms of one address in two windows
 * cannot be linked.
 */
final class NetworkPseudonyms {
    private static final int BYTES = 12;

    private final SecretKeySpec key;

    NetworkPseudonyms(String secret) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "warta/view-networks/v1"), "HmacSHA256");
    }

    /** The address's pseudonym for the {@code window} (HOURS, MINUTES) that contains {@code at}. */
    String of(String sourceIp, ChronoUnit window, Instant at) {
        byte[] digest = hmac(key, window + "|" + at.truncatedTo(window).getEpochSecond() + "|" + sourceIp);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, BYTES));
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
