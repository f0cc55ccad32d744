package id.warta.bench.metrics;

import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** A cold container's first mailer-sweep record through Powertools for AWS Lambda (Java) v2 metrics. */
public class PowertoolsFirstFlush {
    public static void main(String[] args) {
        long start = System.nanoTime();
        Metrics metrics = MetricsBuilder.builder().withNamespace("Warta").withService("activation-mailer")
                .withDefaultDimensions(DimensionSet.of("Stack", "warta-prod")).build();
        metrics.addMetric("EmailsSent", 3, MetricUnit.COUNT);
        metrics.addMetric("EmailsRetried", 0, MetricUnit.COUNT);
        metrics.addMetric("EmailsSuppressed", 0, MetricUnit.COUNT);
        metrics.addMetric("EmailsGivenUp", 0, MetricUnit.COUNT);
        metrics.addMetric("OutboxOldestPendingAgeSeconds", 0, MetricUnit.SECONDS);
        metrics.flush();
        System.err.println("firstFlushMs=" + (System.nanoTime() - start) / 1e6);
    }
}
