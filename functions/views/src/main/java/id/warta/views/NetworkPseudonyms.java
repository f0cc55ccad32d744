package id.warta.views;

import id.warta.hashing.KeyedHash;

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

    private final KeyedHash networks;

    NetworkPseudonyms(String secret) {
        this.networks = new KeyedHash(secret, "warta/view-networks/v1");
    }

    /** The address's pseudonym for the {@code window} (HOURS, MINUTES) that contains {@code at}. */
    String of(String sourceIp, ChronoUnit window, Instant at) {
        byte[] digest = networks.digest(window + "|" + at.truncatedTo(window).getEpochSecond() + "|" + sourceIp);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, BYTES));
    }
}
