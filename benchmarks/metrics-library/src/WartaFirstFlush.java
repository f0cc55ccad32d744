package id.warta.bench.metrics;

import id.warta.logging.EmbeddedMetricFormat;
import id.warta.logging.EventLog;
import id.warta.metrics.Measurements;
import id.warta.metrics.Metric;

import java.time.Clock;

/** The same record through Warta's EmbeddedMetricFormat (domain). */
public class WartaFirstFlush {
    public static void main(String[] args) {
        long start = System.nanoTime();
        new EmbeddedMetricFormat("Warta", "warta-prod", EventLog.toStdout("activation-mailer"), Clock.systemUTC())
                .publish(Measurements.of().put(Metric.EMAILS_SENT, 3).put(Metric.EMAILS_RETRIED, 0)
                        .put(Metric.EMAILS_SUPPRESSED, 0).put(Metric.EMAILS_GIVEN_UP, 0)
                        .put(Metric.OUTBOX_OLDEST_PENDING_AGE, 0));
        System.err.println("firstFlushMs=" + (System.nanoTime() - start) / 1e6);
    }
}
