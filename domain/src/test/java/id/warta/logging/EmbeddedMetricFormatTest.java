package id.warta.logging;

import id.warta.metrics.Dimension;
import id.warta.metrics.Measurements;
import id.warta.metrics.Metric;
import id.warta.testing.EmfRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMetricFormatTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30.250Z");

    private final List<String> lines = new ArrayList<>();
    private final EmbeddedMetricFormat metrics = new EmbeddedMetricFormat("Warta", "warta-prod",
            new EventLog("activation-mailer", lines::add), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void writesOneSpecificationShapedLineWithTheStackDimensionAndEveryValueAndUnit() {
        metrics.publish(Measurements.of()
                .put(Metric.EMAILS_SENT, 3)
                .put(Metric.OUTBOX_OLDEST_PENDING_AGE, 12.5)
                .put(Metric.BUILDER_DURATION, 840));

        assertThat(lines).hasSize(1);
        EmfRecord record = EmfRecord.parse(lines.getFirst());
        assertThat(record.namespace()).isEqualTo("Warta");
        assertThat(record.timestamp()).isEqualTo(NOW.toEpochMilli());
        assertThat(record.dimensionSets()).containsExactly(Map.of("Stack", "warta-prod"));
        assertThat(record.values()).containsExactly(Map.entry("EmailsSent", 3.0),
                Map.entry("OutboxOldestPendingAgeSeconds", 12.5), Map.entry("BuilderDurationMs", 840.0));
        assertThat(record.units()).containsEntry("EmailsSent", "Count")
                .containsEntry("OutboxOldestPendingAgeSeconds", "Seconds").containsEntry("BuilderDurationMs", "Milliseconds");
        assertThat(lines.getFirst()).contains("\"EmailsSent\":3,").contains("\"level\":\"INFO\"")
                .contains("\"function\":\"activation-mailer\"");
    }

    @Test
    void aRecordWithADimensionIsReportedUnderStackAndThatDimensionInOneSet() {
        metrics.publish(Measurements.by(Dimension.OUTCOME, "GIVEN_UP_REJECTED").put(Metric.EMAILS_GIVEN_UP, 2));

        EmfRecord record = EmfRecord.parse(lines.getFirst());
        assertThat(record.dimensionSets()).containsExactly(Map.of("Stack", "warta-prod", "Outcome", "GIVEN_UP_REJECTED"));
        assertThat(record.values()).containsExactly(Map.entry("EmailsGivenUp", 2.0));
    }

    @Test
    void aRecordWithTwoDimensionsIsReportedUnderStackAndBothInOneSet() {
        metrics.publish(Measurements.by(Dimension.ACCESS_LEVEL, "METERED").and(Dimension.REASON, "QUOTA_EXHAUSTED")
                .put(Metric.ARTICLE_READS, 1));

        EmfRecord record = EmfRecord.parse(lines.getFirst());
        assertThat(record.dimensionSets()).containsExactly(
                Map.of("Stack", "warta-prod", "AccessLevel", "METERED", "Reason", "QUOTA_EXHAUSTED"));
        assertThat(record.values()).containsExactly(Map.entry("ArticleReads", 1.0));
        assertThatThrownBy(() -> Measurements.by(Dimension.REASON, "A").and(Dimension.REASON, "B"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyMetricFitsInOneDirectiveWithinTheSpecificationsLimits() {
        Measurements all = Measurements.by(Dimension.REASON, "COMPLAINT");
        Arrays.stream(Metric.values()).forEach(metric -> all.put(metric, 1));

        metrics.publish(all);

        EmfRecord record = EmfRecord.parse(lines.getFirst());
        assertThat(record.values()).hasSize(Metric.values().length).hasSizeLessThanOrEqualTo(100);
        assertThat(Dimension.values().length + 1).as("dimensions one set could hold").isLessThanOrEqualTo(30);
    }

    @Test
    void metricAndDimensionNamesNeverCollideWithEachOtherOrTheLinesOwnMembers() {
        Set<String> metricNames = Arrays.stream(Metric.values()).map(Metric::metricName).collect(Collectors.toSet());
        Set<String> dimensionNames = Arrays.stream(Dimension.values()).map(Dimension::dimensionName).collect(Collectors.toSet());
        dimensionNames.add(Dimension.STACK);

        assertThat(metricNames).hasSize(Metric.values().length).doesNotContainAnyElementsOf(dimensionNames)
                .doesNotContain("_aws", "function", "level");
        assertThat(dimensionNames).doesNotContain("_aws", "function", "level");
    }

    @Test
    void emptyMeasurementsWriteNothing() {
        metrics.publish(Measurements.of());

        assertThat(lines).isEmpty();
    }

    @Test
    void refusesWhatCloudWatchWouldRejectOrMiscount() {
        assertThatThrownBy(() -> new EmbeddedMetricFormat("", "s", new EventLog("f", lines::add), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmbeddedMetricFormat("W".repeat(256), "s", new EventLog("f", lines::add), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmbeddedMetricFormat("Warta", " ", new EventLog("f", lines::add), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Measurements.of().put(Metric.EMAILS_SENT, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Measurements.of().put(Metric.EMAILS_SENT, 1).put(Metric.EMAILS_SENT, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Measurements.by(Dimension.OUTCOME, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
