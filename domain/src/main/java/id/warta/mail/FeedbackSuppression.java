package id.warta.mail;

import java.time.Clock;

/**
 * The rule for SES feedback: a hard bounce or a complaint suppresses each address it names (the
 * first suppression of an address stays, so feedback delivered twice changes nothing); a soft bounce
 * suppresses nothing (SES already retried that delivery for hours; the address may take the next
 * email, and a mail the mailer could not hand to SES is retried with back-off there).
 */
public final class FeedbackSuppression {
    /** What one feedback did. */
    public record Applied(MailFeedback.Kind kind, int newlySuppressed, int alreadySuppressed) {
    }

    private final SuppressionList suppressions;
    private final Clock clock;

    public FeedbackSuppression(SuppressionList suppressions, Clock clock) {
        this.suppressions = suppressions;
        this.clock = clock;
    }

    public Applied apply(MailFeedback feedback) {
        SuppressionList.Reason reason = switch (feedback.kind()) {
            case HARD_BOUNCE -> SuppressionList.Reason.HARD_BOUNCE;
            case COMPLAINT -> SuppressionList.Reason.COMPLAINT;
            case SOFT_BOUNCE -> null;
        };
        if (reason == null) {
            return new Applied(feedback.kind(), 0, 0);
        }
        int newly = 0;
        for (String recipient : feedback.recipients()) {
            if (suppressions.suppress(new SuppressionList.Suppression(recipient, reason, feedback.feedbackId(), clock.instant()))) {
                newly++;
            }
        }
        return new Applied(feedback.kind(), newly, feedback.recipients().size() - newly);
    }
}
