package id.warta.mail;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Addresses that must receive no more email: SES reported a permanent (hard) bounce for them, or
 * their owner marked an email as spam (a complaint). SES reviews accounts whose bounce rate passes 5 %
 * or complaint rate 0.1 %, and may pause their sending, so the mailer never sends to a suppressed
 * address again, and {@code GET /me} can tell the reader that the address cannot receive mail. An
 * operator lifts a suppression (README: Operating Warta, unsuppressing an address).
 * <p>
 * Addresses are compared in the form the accounts store them ({@link #normalised}), whatever case SES
 * reports them in.
 */
public interface SuppressionList {

    /** Why an address is suppressed. */
    enum Reason {
        /** SES: a permanent bounce (the address does not exist, or the domain refuses mail for good). */
        HARD_BOUNCE,
        /** SES: the recipient marked an email as spam. */
        COMPLAINT
    }

    /**
     * One suppression, as recorded.
     *
     * @param feedbackId SES's id of the notification that caused it (for operators: it is in the SES
     *                   event, never in the logs with the address)
     */
    record Suppression(String address, Reason reason, String feedbackId, Instant suppressedAt) {
        public Suppression {
            address = normalised(address);
        }
    }

    /**
     * Suppresses the address unless it already is (the first reason stays). Retry-safe: a write
     * repeated after its answer was lost recognises its own earlier success.
     *
     * @return whether this call suppressed it (false: it already was)
     */
    boolean suppress(Suppression suppression);

    /** The suppression of an address, if it is suppressed (a consistent read: a suppression just written counts). */
    Optional<Suppression> find(String address);

    default boolean isSuppressed(String address) {
        return find(address).isPresent();
    }

    /**
     * An address as the accounts store it (stripped, lower case; the accounts' own rule,
     * {@code AccountInput.normalizeEmail}, is the same), so that "Sari@Example.ID" from SES finds
     * "sari@example.id".
     */
    static String normalised(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("An address is required");
        }
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
