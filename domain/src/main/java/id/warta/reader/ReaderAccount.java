package id.warta.reader;

import java.time.Instant;

/**
 * What the paywall needs to know about a signed-in reader. {@code credentialVersion} increases with
 * every password reset; tokens carrying an older version are revoked.
 */
public record ReaderAccount(String id, boolean activated, Instant subscriberUntil, long credentialVersion) {

    public boolean subscriberAt(Instant now) {
        return subscriberUntil != null && now.isBefore(subscriberUntil);
    }
}
