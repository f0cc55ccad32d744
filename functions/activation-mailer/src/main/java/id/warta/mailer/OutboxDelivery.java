package id.warta.mailer;

import id.warta.mail.OutboxQueue;
import id.warta.mail.DeliveryOutcome;
import id.warta.mail.SuppressionList;
import id.warta.logging.EventLog;
import id.warta.mailer.MailSender.MailSendException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers outbox items: at most once per attempt, at least once overall while SES answers, and at
 * most one duplicate in the worst case.
 * <ul>
 *   <li>Each item is claimed (one conditional write, with a lease) before it is sent, so concurrent
 *       runs never send it at the same time; each claim is one attempt, and the mail sender makes one
 *       call per attempt (no SDK retries).</li>
 *   <li>SES accepted it: recorded as sent (retried a few times within the run if the write fails).</li>
 *   <li>Certainly not sent (SES refused it for now, or was unreachable): pending again with
 *       exponential back-off, until {@link RetryPolicy#maxAttempts()} attempts.</li>
 *   <li>Rejected for good by SES: given up at once.</li>
 *   <li>Addressed to a suppressed address ({@link SuppressionList}: a hard bounce or a complaint):
 *       never sent, recorded as {@link DeliveryOutcome#SUPPRESSED} (checked after the claim, before
 *       every send, so a suppression written while the email waited counts).</li>
 *   <li>No answer (a timeout, a connection lost mid-call), or a run that ended before recording its
 *       send, or a send accepted whose record failed: it may have gone out. Such a send is counted as
 *       unanswered and the item is sent again once (even past the attempt budget), after
 *       {@link RetryPolicy#unansweredWait()}, long after the first call could have landed; after
 *       {@value #MAX_UNANSWERED} unanswered sends it is
 *       never sent again (given up as unconfirmed). So an email goes out at most twice, and twice only
 *       when SES took a send without answering, or the outbox could not record one.</li>
 * </ul>
 * A run stops at the first failure that is not about one message (SES throttling, failing, refusing
 * our credentials, not answering or unreachable; the outbox itself unreachable): the items after it are left, not
 * claimed, for the next run, so an outage costs one attempt per run instead of one per item, and at
 * most one call per run waits for a timeout. A failure to record an outcome is logged and does not
 * stop the run. Nothing is given up silently: each has an ERROR line and a count.
 */
public final class OutboxDelivery {
    static final int SWEEP_BATCH = 100;
    /** Sends that may have gone out before an item is never sent again: one duplicate at most. */
    static final int MAX_UNANSWERED = 2;
    /** Writes of an outcome per run before it is left to the claim's end (a failed SENT record costs a duplicate). */
    static final int RECORD_ATTEMPTS = 3;

    /**
     * @param lease          how long a claim keeps other runs away: far longer than one claimed item
     *                       takes (a bounded SES call and a few bounded writes)
     * @param unansweredWait before an unanswered send is repeated: long after it could still land
     */
    public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts, Duration lease,
                              Duration unansweredWait) {
        /**
         * 12 attempts over about 1 h 43 min of back-off (5 s doubling to 30 min), longer than a
         * reset link lives and than SES asks throttled senders to wait (10 min). An unanswered send
         * is repeated after 2 min, as is the send of a run that died (when its lease ends): SES
         * processes a request it received within seconds, so by then the first has landed or never will.
         */
        public static final RetryPolicy PRODUCTION = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(30), 12,
                Duration.ofMinutes(2), Duration.ofMinutes(2));

        Duration delayAfter(int attempts) {
            Duration delay = firstDelay.multipliedBy(1L << Math.min(attempts - 1, 20));
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /** How many items of a run ended in each {@link DeliveryOutcome}. */
    public record Outcome(Map<DeliveryOutcome, Integer> counts) {
        public Outcome {
            counts = Map.copyOf(counts);
        }

        public int count(DeliveryOutcome outcome) {
            return counts.getOrDefault(outcome, 0);
        }

        /** Every outcome's count, zero included, under its {@link DeliveryOutcome#key()}. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
                map.put(outcome.key(), count(outcome));
            }
            return map;
        }
    }

    private final OutboxQueue queue;
    private final MailSender sender;
    private final SuppressionList suppressions;
    private final MailTemplates templates;
    private final RetryPolicy retry;
    private final EventLog log;
    private final Clock clock;

    public OutboxDelivery(OutboxQueue queue, MailSender sender, SuppressionList suppressions, MailTemplates templates,
                          RetryPolicy retry, EventLog log, Clock clock) {
        this.queue = queue;
        this.sender = sender;
        this.suppressions = suppressions;
        this.templates = templates;
        this.retry = retry;
        this.log = log;
        this.clock = clock;
    }

    /** The schedule's sweep: everything pending and due, claimed until {@code claimUntil}. */
    public Outcome sweep(Instant claimUntil) {
        return deliver(queue.due(clock.instant(), SWEEP_BATCH), claimUntil);
    }

    /** How long the most overdue pending item has been due (zero when none is): what the outbox-age alarm reads. */
    public Duration oldestPendingAge() {
        Instant now = clock.instant();
        return queue.oldestDue(now).map(due -> Duration.between(due, now)).orElse(Duration.ZERO);
    }

    /**
     * Delivers the given items (from the stream); those already claimed or delivered are skipped.
     *
     * @param claimUntil no item is claimed after this (the function's time must cover its delivery)
     */
    public Outcome deliver(List<String> ids, Instant claimUntil) {
        Map<DeliveryOutcome, Integer> counts = new EnumMap<>(DeliveryOutcome.class);
        boolean stopped = false;
        for (String id : ids) {
            Step step = stopped || clock.instant().isAfter(claimUntil) ? new Step(DeliveryOutcome.DEFERRED, true) : deliverOne(id);
            counts.merge(step.outcome(), 1, Integer::sum);
            stopped = step.stopsRun();
        }
        return new Outcome(counts);
    }

    /** @param stopsRun the failure was not about this message: the items after it wait for the next run */
    private record Step(DeliveryOutcome outcome, boolean stopsRun) {
    }

    private Step deliverOne(String id) {
        Instant now = clock.instant();
        Optional<OutboxQueue.Claimed> claimed;
        try {
            claimed = queue.claim(id, now, now.plus(retry.lease()));
        } catch (RuntimeException e) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("level", "ERROR");
            line.put("event", "OUTBOX_UNREACHABLE");
            line.put("outboxId", id);
            line.put("exception", e.getClass().getName());
            log.event(line);
            return new Step(DeliveryOutcome.DEFERRED, true);
        }
        if (claimed.isEmpty()) {
            return new Step(DeliveryOutcome.SKIPPED, false);
        }
        OutboxQueue.Claimed item = claimed.get();
        if (item.unanswered() >= MAX_UNANSWERED) {
            return new Step(giveUp(item, DeliveryOutcome.GIVEN_UP_UNCONFIRMED,
                    item.unanswered() + " sends unanswered or unrecorded: probably delivered"), false);
        }
        try {
            if (suppressions.isSuppressed(item.message().recipient())) {
                return new Step(suppressed(item), false);
            }
        } catch (RuntimeException e) {
            // Certainly not sent, and the next item would fail the same way: back-off, and the run stops.
            return new Step(afterFailure(item, new MailSendException("suppression list unreadable: "
                    + e.getClass().getSimpleName(), MailSendException.Outcome.NOT_SENT, true)), true);
        }
        String messageId;
        try {
            messageId = sender.send(item.message().recipient(), templates.render(item.message()));
        } catch (MailSendException e) {
            return new Step(afterFailure(item, e), e.serviceWide());
        }
        return new Step(recordSent(item, messageId), false);
    }

    private DeliveryOutcome afterFailure(OutboxQueue.Claimed item, MailSendException e) {
        Instant now = clock.instant();
        String reason = e.getMessage();
        return switch (e.outcome()) {
            case REJECTED -> giveUp(item, DeliveryOutcome.GIVEN_UP_REJECTED, reason);
            // The one repeat of an unanswered send is made even past the attempt budget: the first may not have landed.
            case UNKNOWN -> {
                if (item.unanswered() + 1 >= MAX_UNANSWERED) {
                    yield giveUp(item, DeliveryOutcome.GIVEN_UP_UNCONFIRMED, reason);
                }
                Instant dueAt = now.plus(retry.unansweredWait());
                yield pendingAgain(item, DeliveryOutcome.UNANSWERED, dueAt, reason, () -> queue.unanswered(item, dueAt, reason));
            }
            case NOT_SENT -> {
                if (item.attempts() >= retry.maxAttempts()) {
                    yield giveUp(item, DeliveryOutcome.GIVEN_UP_EXHAUSTED, reason);
                }
                Instant dueAt = now.plus(retry.delayAfter(item.attempts()));
                yield pendingAgain(item, DeliveryOutcome.RETRYING, dueAt, reason, () -> queue.refused(item, dueAt, reason));
            }
        };
    }

    private DeliveryOutcome pendingAgain(OutboxQueue.Claimed item, DeliveryOutcome outcome, Instant dueAt, String reason,
                                         Runnable write) {
        record(outcome, item, write);
        Map<String, Object> line = itemLine("WARN", "OUTBOX_RETRY", item);
        line.put("outcome", outcome.name());
        line.put("reason", reason);
        line.put("dueAt", dueAt.toString());
        log.event(line);
        return outcome;
    }

    private DeliveryOutcome giveUp(OutboxQueue.Claimed item, DeliveryOutcome outcome, String reason) {
        record(outcome, item, () -> queue.givenUp(item, outcome, reason, clock.instant()));
        Map<String, Object> line = itemLine("ERROR", "OUTBOX_GIVEN_UP", item);
        line.put("outcome", outcome.name());
        line.put("reason", reason);
        log.event(line);
        return outcome;
    }

    private DeliveryOutcome suppressed(OutboxQueue.Claimed item) {
        DeliveryOutcome outcome = DeliveryOutcome.SUPPRESSED;
        record(outcome, item, () -> queue.givenUp(item, outcome, "address suppressed", clock.instant()));
        log.event(itemLine("INFO", "OUTBOX_SUPPRESSED", item));
        return outcome;
    }

    private DeliveryOutcome recordSent(OutboxQueue.Claimed item, String messageId) {
        boolean recorded = record(DeliveryOutcome.SENT, item, () -> queue.sent(item.id(), messageId, clock.instant()));
        return recorded ? DeliveryOutcome.SENT : DeliveryOutcome.SENT_UNRECORDED;
    }

    /**
     * Writes an outcome, trying again within the run when the write fails. Whatever is not written
     * stays as the claim left it: when the lease ends, the attempt counts as unanswered.
     */
    private boolean record(DeliveryOutcome outcome, OutboxQueue.Claimed item, Runnable write) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
            try {
                write.run();
                return true;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        Map<String, Object> line = itemLine("ERROR", "OUTBOX_RECORD_FAILED", item);
        line.put("outcome", outcome.name());
        line.put("exception", last.getClass().getName());
        log.event(line);
        return false;
    }

    /** Ids, kind and counts only: the recipient, the name and the token never reach the log. */
    private static Map<String, Object> itemLine(String level, String event, OutboxQueue.Claimed item) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("event", event);
        line.put("outboxId", item.id());
        line.put("kind", item.message().kind().name());
        line.put("attempts", item.attempts());
        line.put("unanswered", item.unanswered());
        return line;
    }
}
