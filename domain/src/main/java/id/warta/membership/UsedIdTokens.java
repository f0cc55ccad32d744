package id.warta.membership;

import java.time.Instant;

/**
 * The ID tokens that have signed someone in, remembered until they could no longer verify, so that
 * a token copied from a browser, a log or a proxy cannot sign in a second time.
 */
public interface UsedIdTokens {

    /**
     * Records the token's first use.
     *
     * @param tokenHash     SHA-256 of the whole token (never the token)
     * @param acceptedUntil after this the token fails verification anyway, and may be forgotten
     * @return false when the token had been used before
     */
    boolean firstUse(String tokenHash, Instant acceptedUntil);
}
