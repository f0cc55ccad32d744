package id.warta.mailer;

import id.warta.mail.OutboxMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The mailer's side of the email outbox: find what is due, claim it, and record how delivery went. */
public interface OutboxQueue {

    /** A message this run owns until {@code leaseUntil}; {@code attempts} counts this one. */
    record Claimed(String id, OutboxMessage message, int attempts) {
    }

    /** Ids of pending items due at {@code now} (possibly stale: claiming decides). */
    List<String> due(Instant now, int limit);

    /**
     * Claims a pending, due, unleased item with one conditional write, so that concurrent runs (the
     * stream and the sweep, or two sweeps) never both send it. Empty when it is not claimable.
     */
    Optional<Claimed> claim(String id, Instant now, Instant leaseUntil);

    /** Sent: leaves the pending index and forgets the recipient and the raw token. */
    void sent(String id, Instant now);

    /** Not sent this time: pending again from {@code dueAt}. */
    void retryAt(String id, Instant dueAt);

    /** Given up: leaves the pending index (kept, marked FAILED, for operators) and forgets the recipient and token. */
    void failed(String id, Instant now);
}
