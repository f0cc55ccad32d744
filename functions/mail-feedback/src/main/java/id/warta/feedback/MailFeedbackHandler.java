package id.warta.feedback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.logging.EventLog;
import id.warta.mail.FeedbackSuppression;
import id.warta.mail.MailFeedback;
import id.warta.metrics.Dimension;
import id.warta.metrics.Measurements;
import id.warta.metrics.Metric;
import id.warta.metrics.Metrics;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SES feedback from the configuration set's SNS topic: each record's notification is read
 * ({@link SesNotifications}) and a hard bounce or a complaint suppresses its addresses
 * ({@link FeedbackSuppression}), so that the mailer never sends to them again. One log line per
 * notification with the kind, SES's feedback id and counts, never an address; metrics per invocation.
 * A notification that cannot be read is logged and counted, not retried (it would never read
 * better); a failing write throws, so Lambda retries the invocation (the write is retry-safe) and
 * then records it in the function's failure queue.
 */
public final class MailFeedbackHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final FeedbackSuppression suppression;
    private final EventLog log;
    private final Metrics metrics;

    public MailFeedbackHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /**
     * The function as Lambda builds it, from its environment; the local stack builds it the same way
     * with a clock of its own (one a test may move forward), in production the system clock.
     */
    public MailFeedbackHandler(Map<String, String> environment, Clock clock) {
        MailFeedbackConfig config = MailFeedbackConfig.from(new Env(environment));
        EventLog log = EventLog.toStdout("mail-feedback");
        this(MailFeedbackWiring.wire(config, AwsClients.dynamoDb(config.aws()), clock), log,
                config.metrics().toLog(log, clock));
    }

    MailFeedbackHandler(FeedbackSuppression suppression, EventLog log, Metrics metrics) {
        this.suppression = suppression;
        this.log = log;
        this.metrics = metrics;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<MailFeedback.Kind, Integer> newlySuppressed = new EnumMap<>(MailFeedback.Kind.class);
        int softBounces = 0;
        int unreadable = 0;
        int ignored = 0;
        List<?> records = event != null && event.get("Records") instanceof List<?> list ? list : List.of();
        if (records.isEmpty()) {
            unreadable++;
            logUnreadable(null, "no SNS records");
        }
        for (Object record : records) {
            String snsMessageId = null;
            SesNotifications.Read read;
            if (record instanceof Map<?, ?> r && r.get("Sns") instanceof Map<?, ?> sns && sns.get("Message") instanceof String message) {
                snsMessageId = sns.get("MessageId") instanceof String id ? id : null;
                read = SesNotifications.read(message);
            } else {
                read = new SesNotifications.Unreadable("not an SNS record");
            }
            switch (read) {
                case SesNotifications.Unreadable u -> {
                    unreadable++;
                    logUnreadable(snsMessageId, u.why());
                }
                case SesNotifications.Ignored i -> {
                    ignored++;
                    Map<String, Object> line = line("INFO", "FEEDBACK_IGNORED", snsMessageId);
                    line.put("type", i.type());
                    log.event(line);
                }
                case SesNotifications.Feedback f -> {
                    FeedbackSuppression.Applied applied = suppression.apply(f.feedback());
                    newlySuppressed.merge(applied.kind(), applied.newlySuppressed(), Integer::sum);
                    if (applied.kind() == MailFeedback.Kind.SOFT_BOUNCE) {
                        softBounces++;
                    }
                    Map<String, Object> line = line("INFO", "FEEDBACK", snsMessageId);
                    line.put("kind", applied.kind().name());
                    line.put("feedbackId", f.feedback().feedbackId());
                    line.put("recipients", f.feedback().recipients().size());
                    line.put("newlySuppressed", applied.newlySuppressed());
                    line.put("alreadySuppressed", applied.alreadySuppressed());
                    log.event(line);
                }
            }
        }
        report(newlySuppressed, softBounces, unreadable);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("hardBounceSuppressions", newlySuppressed.getOrDefault(MailFeedback.Kind.HARD_BOUNCE, 0));
        result.put("complaintSuppressions", newlySuppressed.getOrDefault(MailFeedback.Kind.COMPLAINT, 0));
        result.put("softBounces", softBounces);
        result.put("ignored", ignored);
        result.put("unreadable", unreadable);
        return result;
    }

    private void report(Map<MailFeedback.Kind, Integer> newlySuppressed, int softBounces, int unreadable) {
        metrics.publish(Measurements.of().put(Metric.SOFT_BOUNCES, softBounces).put(Metric.FEEDBACK_UNREADABLE, unreadable));
        newlySuppressed.forEach((kind, count) -> {
            if (count > 0) {
                metrics.publish(Measurements.by(Dimension.REASON, kind.name()).put(Metric.ADDRESSES_SUPPRESSED, count));
            }
        });
    }

    private void logUnreadable(String snsMessageId, String why) {
        Map<String, Object> line = line("ERROR", "FEEDBACK_UNREADABLE", snsMessageId);
        line.put("reason", why);
        log.event(line);
    }

    private static Map<String, Object> line(String level, String event, String snsMessageId) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("event", event);
        line.put("snsMessageId", snsMessageId);
        return line;
    }
}
