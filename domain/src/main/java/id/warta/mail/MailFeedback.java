package id.warta.mail;

import java.util.List;

/**
 * What SES reported about one sent email, reduced to what decides suppression.
 *
 * @param feedbackId SES's id of the bounce or complaint
 * @param recipients the addresses it concerns (SES may name several for one email)
 */
public record MailFeedback(Kind kind, String feedbackId, List<String> recipients) {
    public MailFeedback {
        if (feedbackId == null || feedbackId.isBlank() || recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("Feedback needs its id and at least one recipient");
        }
        recipients = List.copyOf(recipients);
    }

    public enum Kind {
        /** A permanent bounce: the address does not exist, or refuses mail for good. Suppresses. */
        HARD_BOUNCE,
        /**
         * A transient (or undetermined) bounce: a full mailbox, a message too large, a server that
         * refused for now. Suppresses nothing: the address may take the next email.
         */
        SOFT_BOUNCE,
        /** The recipient marked an email as spam. Suppresses. */
        COMPLAINT
    }
}
