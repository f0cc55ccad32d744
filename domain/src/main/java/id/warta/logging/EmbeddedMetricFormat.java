package id.warta.logging;

import id.warta.metrics.Dimension;
import id.warta.metrics.Measurements;
import id.warta.metrics.Metric;
import id.warta.metrics.Metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes each record as one CloudWatch embedded metric format (EMF) line to the function's log, from
 * which CloudWatch Logs makes the metrics: no API call, no library. The line is an {@link EventLog}
 * line (the function's name, {@code "level":"INFO"}, so Lambda's log-level filter keeps it), with
 * the {@code _aws} metadata: the timestamp (milliseconds since the epoch), and one metric directive
 * with the namespace, one dimension set ({@code Stack} and the record's dimension, if any) and each
 * metric's name and unit; the dimension and metric values are members of the root, as the
 * specification requires. A record holds at most one value per metric ({@link Measurements}), and
 * {@link Metric} and {@link Dimension} keep far below the specification's limits of 100 metrics per
 * directive and 30 dimensions per set.
 */
public final class EmbeddedMetricFormat implements Metrics {
    /** The longest namespace CloudWatch accepts. */
    static final int MAX_NAMESPACE_LENGTH = 255;

    private final String namespace;
    private final String stack;
    private final EventLog log;
    private final Clock clock;

    /**
     * @param namespace the metrics' namespace ({@code METRICS_NAMESPACE}, {@code Warta})
     * @param stack     the value of the {@code Stack} dimension ({@code METRICS_STACK}, the stack's name)
     */
    public EmbeddedMetricFormat(String namespace, String stack, EventLog log, Clock clock) {
        if (namespace == null || namespace.isBlank() || namespace.length() > MAX_NAMESPACE_LENGTH
                || !namespace.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("Not a CloudWatch namespace: " + namespace);
        }
        if (stack == null || stack.isBlank()) {
            throw new IllegalArgumentException("The Stack dimension needs a value");
        }
        this.namespace = namespace;
        this.stack = stack;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void publish(Measurements measurements) {
        if (measurements.isEmpty()) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "INFO");
        List<String> dimensionSet = new ArrayList<>();
        dimensionSet.add(Dimension.STACK);
        line.put(Dimension.STACK, stack);
        measurements.dimensions().forEach((dimension, value) -> {
            dimensionSet.add(dimension.dimensionName());
            line.put(dimension.dimensionName(), value);
        });
        List<Map<String, Object>> definitions = new ArrayList<>();
        measurements.values().forEach((metric, value) -> {
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("Name", metric.metricName());
            definition.put("Unit", metric.unit().cloudWatchName());
            definitions.add(definition);
            line.put(metric.metricName(), number(value));
        });
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", namespace);
        directive.put("Dimensions", List.of(dimensionSet));
        directive.put("Metrics", definitions);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("Timestamp", clock.millis());
        metadata.put("CloudWatchMetrics", List.of(directive));
        line.put("_aws", metadata);
        log.event(line);
    }

    /** Whole numbers as integers ("3", not "3.0"): the same number, and the line reads as it was counted. */
    private static Number number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }
}
