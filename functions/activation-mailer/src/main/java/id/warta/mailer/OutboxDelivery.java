package id.warta.mailer;

import id.warta.http.RequestLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers outbox items: claims each one (so it is sent at most once while claimed), sends it, and
 * records the outcome. A failed send stays pending with exponential backoff; after
 * {@link RetryPolicy#maxAttempts()} attempts, or at once when the mail service rejects it for good,
 * it is marked failed and logged, never silently dropped. A run that dies between claiming and
 * recording leaves the item leased; it becomes claimable again when the lease ends (so the one case
 * in which an email can go out twice is SES accepting it and the run dying before recording that;
 * losing it instead would be worse for an activation link).
 */
public final class OutboxDelivery {
    static final int SWEEP_BATCH = 100;

    /** @param lease how long a claim keeps other runs away; far longer than one bounded SES call */
    public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts, Duration lease) {
        public static final RetryPolicy PRODUCTION =
                new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(30), 12, Duration.ofMinutes(2));

        Duration delayAfter(int attempts) {
            Duration delay = firstDelay.multipliedBy(1L << Math.min(attempts - 1, 20));
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    public record Outcome(int sent, int retrying, int failed, int skipped) {
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("sent", sent);
            map.put("retrying", retrying);
            map.put("failed", failed);
            map.put("skipped", skipped);
            return map;
        }
    }

    private final OutboxQueue queue;
    private final MailSender sender;
    private final MailTemplates templates;
    private final RetryPolicy retry;
    private final RequestLog log;
    private final Clock clock;

    public OutboxDelivery(OutboxQueue queue, MailSender sender, MailTemplates templates, RetryPolicy retry,
                          RequestLog log, Clock clock) {
        this.queue = queue;
        this.sender = sender;
        this.templates = templates;
        this.retry = retry;
        this.log = log;
        this.clock = clock;
    }

    /** The schedule's sweep: everything pending and due. */
    public Outcome sweep() {
        return deliver(queue.due(clock.instant(), SWEEP_BATCH));
    }

    /** Delivers the given items (from the stream); those already claimed or delivered are skipped. */
    public Outcome deliver(List<String> ids) {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        int skipped = 0;
        for (String id : ids) {
            Instant now = clock.instant();
            Optional<OutboxQueue.Claimed> claimed = queue.claim(id, now, now.plus(retry.lease()));
            if (claimed.isEmpty()) {
                skipped++;
                continue;
            }
            switch (send(claimed.get())) {
                case SENT -> sent++;
                case RETRYING -> retrying++;
                case FAILED -> failed++;
            }
        }
        return new Outcome(sent, retrying, failed, skipped);
    }

    private enum Result { SENT, RETRYING, FAILED }

    private Result send(OutboxQueue.Claimed item) {
        try {
            sender.send(item.message().recipient(), templates.render(item.message()));
            queue.sent(item.id(), clock.instant());
            return Result.SENT;
        } catch (MailSender.MailSendException e) {
            if (e.permanent() || item.attempts() >= retry.maxAttempts()) {
                queue.failed(item.id(), clock.instant());
                logEvent("ERROR", "OUTBOX_FAILED", item, e.getMessage());
                return Result.FAILED;
            }
            queue.retryAt(item.id(), clock.instant().plus(retry.delayAfter(item.attempts())));
            logEvent("WARN", "OUTBOX_RETRY", item, e.getMessage());
            return Result.RETRYING;
        }
    }

    /** Ids, kind and attempts only: the recipient and the token never reach the log. */
    private void logEvent(String level, String event, OutboxQueue.Claimed item, String reason) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("event", event);
        line.put("outboxId", item.id());
        line.put("kind", item.message().kind().name());
        line.put("attempts", item.attempts());
        line.put("reason", reason);
        log.event(line);
    }
}
