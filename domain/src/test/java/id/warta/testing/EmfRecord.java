package id.warta.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One CloudWatch embedded metric format line, checked against the shape of the EMF specification
 * (CloudWatch_Embedded_Metric_Format_Specification) as it is parsed, so that a test that reads a
 * function's metrics also proves CloudWatch Logs would take them:
 * <ul>
 *   <li>the root is a JSON object with {@code _aws}, an object with {@code Timestamp} (a whole number of
 *       milliseconds since the epoch) and {@code CloudWatchMetrics}, an array of metric directives;</li>
 *   <li>a directive has exactly {@code Namespace} (a string of 1 to 255 characters), {@code Dimensions}
 *       (an array of dimension sets, each an array of at most 30 names of root members whose values are
 *       strings) and {@code Metrics} (1 to 100 metric definitions), and nothing else;</li>
 *   <li>a definition has {@code Name} (1 to 255 characters), the name of a root member that is a number
 *       (or an array of at most 100 numbers), and optionally {@code Unit} (one of CloudWatch's units) and
 *       {@code StorageResolution} (1 or 60), and nothing else.</li>
 * </ul>
 *
 * @param dimensionSets the directive's dimension sets, each a name → value map
 */
public record EmfRecord(String namespace, long timestamp, List<Map<String, String>> dimensionSets,
                        Map<String, Double> values, Map<String, String> units, JsonNode root) {
    private static final int MAX_METRICS_PER_DIRECTIVE = 100;
    private static final int MAX_DIMENSIONS_PER_SET = 30;
    private static final int MAX_VALUES_PER_METRIC = 100;
    private static final int MAX_NAME_LENGTH = 255;
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether a log line is an EMF document at all (other lines are the function's event lines). */
    public static boolean isEmf(String line) {
        return line.contains("\"_aws\"");
    }

    /** Parses and checks a line with one metric directive (what Warta writes). */
    public static EmfRecord parse(String line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
        assertThat(root.isObject()).as("the root is an object: %s", line).isTrue();
        JsonNode aws = root.path("_aws");
        assertThat(aws.isObject()).as("_aws is an object").isTrue();
        assertThat(aws.path("Timestamp").isIntegralNumber()).as("_aws.Timestamp is a whole number").isTrue();
        long timestamp = aws.path("Timestamp").asLong();
        assertThat(timestamp).as("_aws.Timestamp in milliseconds since the epoch").isPositive();
        JsonNode directives = aws.path("CloudWatchMetrics");
        assertThat(directives.isArray()).as("_aws.CloudWatchMetrics is an array").isTrue();
        assertThat(directives.size()).as("one metric directive").isEqualTo(1);
        JsonNode directive = directives.get(0);
        assertThat(names(directive)).as("the directive's members").containsExactlyInAnyOrder("Namespace", "Dimensions", "Metrics");
        String namespace = nonBlankText(directive.path("Namespace"), "Namespace");

        JsonNode dimensions = directive.path("Dimensions");
        assertThat(dimensions.isArray()).as("Dimensions is an array").isTrue();
        List<Map<String, String>> dimensionSets = new ArrayList<>();
        for (JsonNode set : dimensions) {
            assertThat(set.isArray()).as("a dimension set is an array").isTrue();
            assertThat(set.size()).as("dimensions in a set").isBetween(1, MAX_DIMENSIONS_PER_SET);
            Map<String, String> values = new LinkedHashMap<>();
            for (JsonNode name : set) {
                String dimension = nonBlankText(name, "a dimension name");
                JsonNode value = root.path(dimension);
                assertThat(value.isTextual()).as("dimension %s is a string member of the root", dimension).isTrue();
                values.put(dimension, value.asText());
            }
            dimensionSets.add(values);
        }

        JsonNode metrics = directive.path("Metrics");
        assertThat(metrics.isArray()).as("Metrics is an array").isTrue();
        assertThat(metrics.size()).as("metric definitions in a directive").isBetween(1, MAX_METRICS_PER_DIRECTIVE);
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (JsonNode definition : metrics) {
            assertThat(Set.of("Name", "Unit", "StorageResolution")).as("a definition's members")
                    .containsAll(names(definition));
            String name = nonBlankText(definition.path("Name"), "a metric name");
            JsonNode value = root.path(name);
            assertThat(value.isNumber() || value.isArray() && value.size() <= MAX_VALUES_PER_METRIC
                    && allNumbers(value)).as("metric %s is a number member of the root", name).isTrue();
            values.put(name, value.isNumber() ? value.asDouble() : value.get(0).asDouble());
            if (definition.has("Unit")) {
                assertThat(UNITS).as("%s's unit", name).contains(definition.path("Unit").asText());
                units.put(name, definition.path("Unit").asText());
            }
            if (definition.has("StorageResolution")) {
                assertThat(definition.path("StorageResolution").asInt()).isIn(1, 60);
            }
        }
        return new EmfRecord(namespace, timestamp, dimensionSets, values, units, root);
    }

    /** Every EMF line among the lines, parsed and checked. */
    public static List<EmfRecord> in(List<String> lines) {
        return lines.stream().filter(EmfRecord::isEmf).map(EmfRecord::parse).toList();
    }

    /** The one dimension set of this record (Warta writes one per line). */
    public Map<String, String> dimensions() {
        assertThat(dimensionSets).hasSize(1);
        return dimensionSets.getFirst();
    }

    /**
     * Its values and dimensions besides {@code Stack}, in one line a test can compare:
     * {@code "ArticleReads=1 AccessLevel=FREE Reason=GRANTED"}.
     */
    public String summary() {
        StringBuilder summary = new StringBuilder();
        values.forEach((name, value) -> summary.append(summary.isEmpty() ? "" : " ").append(name).append('=')
                .append(value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value)));
        dimensions().forEach((name, value) -> {
            if (!name.equals("Stack")) {
                summary.append(' ').append(name).append('=').append(value);
            }
        });
        return summary.toString();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static String nonBlankText(JsonNode node, String what) {
        assertThat(node.isTextual()).as("%s is a string", what).isTrue();
        assertThat(node.asText().length()).as("%s's length", what).isBetween(1, MAX_NAME_LENGTH);
        return node.asText();
    }
}
