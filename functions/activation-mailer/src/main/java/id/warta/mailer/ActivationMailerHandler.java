package id.warta.mailer;

import id.warta.dynamo.AccountsTable;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.dynamo.DynamoMailOutbox;
import id.warta.logging.EventLog;
import id.warta.mail.DeliveryOutcome;
import id.warta.metrics.Dimension;
import id.warta.metrics.Measurements;
import id.warta.metrics.Metric;
import id.warta.metrics.Metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers the account email outbox. Two triggers, one input type: a DynamoDB stream batch
 * ({@code Records}, filtered in the template to INSERTs of OUTBOX# items) delivers exactly the items
 * it names; anything else (the Schedule's EventBridge event) sweeps every pending item that is due.
 * Each run reports its counts as metrics (README: the metric contract), and a sweep also the age of
 * the most overdue pending email, every time, even zero: the outbox-age alarm takes silence for a
 * stopped sweep.
 */
public final class ActivationMailerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** The longest one item takes: the SES call, the claim and the outcome's writes (5 s each at most, 3 tries). */
    static final Duration ITEM_TIME = SesMailSender.SEND_TIMEOUT.plus(Duration.ofSeconds(20));

    private final OutboxDelivery delivery;
    private final EventLog log;
    private final Metrics metrics;

    public ActivationMailerHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /**
     * The function as Lambda builds it, from its environment; the local stack builds it the same way
     * with a clock of its own (one a test may move forward), in production the system clock.
     */
    public ActivationMailerHandler(Map<String, String> environment, Clock clock) {
        MailerConfig config = MailerConfig.from(new Env(environment));
        EventLog log = EventLog.toStdout("activation-mailer");
        this(MailerWiring.wire(config, AwsClients.dynamoDb(config.aws()), SesMailSender.client(config.aws()), clock, log),
                log, config.metrics().toLog(log, clock));
    }

    ActivationMailerHandler(OutboxDelivery delivery, EventLog log, Metrics metrics) {
        this.delivery = delivery;
        this.log = log;
        this.metrics = metrics;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        long started = System.nanoTime();
        boolean stream = event != null && event.get("Records") instanceof List<?>;
        Instant claimUntil = claimUntil(context);
        OutboxDelivery.Outcome outcome = stream ? delivery.deliver(outboxIds(event), claimUntil) : delivery.sweep(claimUntil);
        Map<String, Object> result = outcome.toMap();
        Map<String, Object> line = new LinkedHashMap<>(result);
        line.put("level", "INFO");
        line.put("trigger", stream ? "stream" : "schedule");
        line.put("durationMs", (System.nanoTime() - started) / 1_000_000.0);
        log.event(line);
        report(outcome, stream);
        return result;
    }

    private void report(OutboxDelivery.Outcome outcome, boolean stream) {
        Measurements run = Measurements.of()
                .put(Metric.EMAILS_SENT, outcome.count(DeliveryOutcome.SENT) + outcome.count(DeliveryOutcome.SENT_UNRECORDED))
                .put(Metric.EMAILS_RETRIED, outcome.count(DeliveryOutcome.RETRYING) + outcome.count(DeliveryOutcome.UNANSWERED))
                .put(Metric.EMAILS_SUPPRESSED, outcome.count(DeliveryOutcome.SUPPRESSED));
        int givenUp = 0;
        for (DeliveryOutcome each : DeliveryOutcome.values()) {
            if (each.givenUp() && outcome.count(each) > 0) {
                givenUp += outcome.count(each);
                metrics.publish(Measurements.by(Dimension.OUTCOME, each.name()).put(Metric.EMAILS_GIVEN_UP, outcome.count(each)));
            }
        }
        run.put(Metric.EMAILS_GIVEN_UP, givenUp);
        if (!stream) {
            try {
                run.put(Metric.OUTBOX_OLDEST_PENDING_AGE, delivery.oldestPendingAge().toMillis() / 1000.0);
            } catch (RuntimeException e) {
                // No age this minute: the alarm counts the silence as breaching, which an unreadable outbox is.
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("level", "ERROR");
                line.put("event", "OUTBOX_AGE_UNKNOWN");
                line.put("exception", e.getClass().getName());
                log.event(line);
            }
        }
        metrics.publish(run);
    }

    /**
     * The last moment an item may be claimed in this invocation: one claimed item needs at most one
     * SES call, a claim and a few bounded writes, all of which must end before the function does.
     */
    private static Instant claimUntil(Context context) {
        if (context == null) {
            return Instant.MAX;
        }
        return Instant.now().plusMillis(context.getRemainingTimeInMillis()).minus(ITEM_TIME);
    }

    /** The outbox ids of the INSERT records of a stream batch (the template filters, but so do we). */
    private static List<String> outboxIds(Map<String, Object> event) {
        List<String> ids = new ArrayList<>();
        for (Object record : (List<?>) event.get("Records")) {
            if (record instanceof Map<?, ?> r && "INSERT".equals(r.get("eventName"))
                    && r.get("dynamodb") instanceof Map<?, ?> dynamodb
                    && dynamodb.get("Keys") instanceof Map<?, ?> keys
                    && keys.get("pk") instanceof Map<?, ?> pk
                    && pk.get("S") instanceof String value
                    && value.startsWith(AccountsTable.OUTBOX_PREFIX)) {
                ids.add(value.substring(AccountsTable.OUTBOX_PREFIX.length()));
            }
        }
        return ids;
    }
}
