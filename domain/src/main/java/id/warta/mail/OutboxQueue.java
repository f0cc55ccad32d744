package id.warta.mail;

import id.warta.mail.OutboxMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The mailer's side of the email outbox: find what is due, claim it, and record how delivery went.
 * Every send starts with a claim, which counts it as an attempt; an attempt ends refused (certainly not
 * sent), sent, or not at all as far as the outbox knows (no answer, or a run that ended before it
 * recorded anything). The last kind is what can make a copy, so the outbox counts it.
 */
public interface OutboxQueue {

    /**
     * A message this run owns until its lease ends.
     *
     * @param claimId    this claim; the records below apply only while it still holds the item
     * @param attempts   sends started, this one included
     * @param unanswered earlier sends that may have gone out without the outbox knowing (no answer
     *                   from SES, or a run that ended before recording its send)
     */
    record Claimed(String id, String claimId, OutboxMessage message, int attempts, int unanswered) {
    }

    /** Ids of pending items due at {@code now} (possibly stale: claiming decides). */
    List<String> due(Instant now, int limit);

    /** When the most overdue pending item fell due, if any pending item is due at {@code now}. */
    Optional<Instant> oldestDue(Instant now);

    /**
     * Claims a pending, due, unleased item with one conditional write, so that concurrent runs (the
     * stream and the sweep, or two sweeps) never both send it; a claim whose answer was lost and whose
     * write the SDK retried is recognised as this run's. Empty when it is not claimable.
     */
    Optional<Claimed> claim(String id, Instant now, Instant leaseUntil);

    /**
     * Sent: leaves the pending index with SES's message id and forgets the recipient, the name and the
     * raw token. Repeating it is harmless, whoever holds the claim by then: it is the truth.
     */
    void sent(String id, String messageId, Instant now);

    /** Certainly not sent this time: pending again from {@code dueAt}. */
    void refused(Claimed item, Instant dueAt, String reason);

    /** No answer: pending again from {@code dueAt}, the send counted as unanswered. */
    void unanswered(Claimed item, Instant dueAt, String reason);

    /**
     * Given up, or not to be sent ({@link DeliveryOutcome#SUPPRESSED}): leaves the pending index (kept,
     * with the outcome and the reason, for operators) and forgets the recipient, the name and the raw token.
     */
    void givenUp(Claimed item, DeliveryOutcome outcome, String reason, Instant now);
}
