package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.json.Json;
import id.warta.metrics.Dimension;
import id.warta.metrics.Metric;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations part of template.yaml (README: Operating Warta): log groups and their retention,
 * alarms and where they go, the failure paths of the stream and the schedules, the dashboard, and
 * the metric contract between the alarms, the dashboard, the functions' environment and the README.
 */
class OperationsTemplateTest {
    /** The retention values CloudWatch Logs accepts (PutRetentionPolicy). */
    private static final Set<Integer> VALID_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    /** What one alarm's metric math may read (a CloudWatch hard limit). */
    private static final int METRICS_PER_ALARM = 10;
    private static final Map<String, Object> ALARM_TOPIC = Map.of("Ref", "AlarmTopic");
    private static final Pattern CONTRACT_ROW = Pattern.compile("^\\| `([A-Za-z]+)` \\|");
    private static final Pattern WARTA_METRIC_IN_DASHBOARD = Pattern.compile(
            "\\[\"Warta\", \"([A-Za-z]+)\"|MetricName=\\\\\"([A-Za-z]+)\\\\\"");

    private static final Set<String> REPORTED = Arrays.stream(Metric.values()).map(Metric::metricName)
            .collect(Collectors.toCollection(TreeSet::new));
    private static final Pattern DASHBOARD_SEARCH = Pattern.compile(
            "\\{Warta,([A-Za-z,]+)\\} MetricName=\\\\\"([A-Za-z]+)\\\\\"");

    private final SamTemplate template = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"));

    private Map<String, Object> resource(String logicalId) {
        return SamTemplate.map(template.resources(), logicalId);
    }

    private Map<String, Object> functionProperties(String logicalId) {
        return SamTemplate.map(resource(logicalId), "Properties");
    }

    private Map<String, Map<String, Object>> alarms() {
        return template.resourcesOfType("AWS::CloudWatch::Alarm");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static List<Object> values(Object value) {
        return value instanceof List<?> l ? List.copyOf(l) : List.of();
    }

    /** The logical id that a !Ref (attribute null) or a !GetAtt X.attribute names. */
    private static String target(Object reference, String attribute) {
        Map<?, ?> map = (Map<?, ?>) reference;
        if (attribute == null) {
            return (String) map.get("Ref");
        }
        List<Object> getAtt = values(map.get("Fn::GetAtt"));
        assertThat(getAtt).as("!GetAtt X.%s: %s", attribute, reference).hasSize(2).endsWith(attribute);
        return (String) getAtt.getFirst();
    }

    private void assertIsAQueueWithADepthAlarm(String queue) {
        assertThat(resource(queue).get("Type")).as(queue).isEqualTo("AWS::SQS::Queue");
        assertThat(alarms().values()).as("an alarm on the depth of " + queue).anyMatch(alarm ->
                "ApproximateNumberOfMessagesVisible".equals(alarm.get("MetricName"))
                        && list(alarm.get("Dimensions")).contains(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(queue, "QueueName"))))
                        && "GreaterThanThreshold".equals(alarm.get("ComparisonOperator"))
                        && Integer.valueOf(0).equals(alarm.get("Threshold")));
    }

    @Test
    void everyFunctionLogsToItsOwnDeclaredGroupWithTheRetentionParameter() {
        Set<String> groups = new TreeSet<>();
        for (SamTemplate.Function function : template.functions()) {
            Map<String, Object> logging = SamTemplate.map(functionProperties(function.logicalId()), "LoggingConfig");
            String group = target(logging.get("LogGroup"), null);
            assertThat(groups.add(group)).as(function.logicalId() + " has a log group of its own").isTrue();
            assertThat(resource(group).get("Type")).as(group).isEqualTo("AWS::Logs::LogGroup");
            Map<String, Object> properties = SamTemplate.map(resource(group), "Properties");
            assertThat(properties.get("RetentionInDays")).as(group).isEqualTo(Map.of("Ref", "LogRetentionDays"));
            assertThat(properties.get("LogGroupName")).as(group)
                    .isEqualTo(Map.of("Fn::Sub", "/aws/lambda/${AWS::StackName}-" + function.logicalId()));
        }
        Map<String, Object> retention = SamTemplate.map(template.parameters(), "LogRetentionDays");
        assertThat(retention.get("Default")).isEqualTo(30);
        assertThat(values(retention.get("AllowedValues"))).isNotEmpty()
                .allMatch(days -> VALID_RETENTION_DAYS.contains((Integer) days));
    }

    @Test
    void logsAreJsonAndTheirLevelNeverDropsTheInfoLinesThatCarryMetrics() {
        Map<String, Object> logging = SamTemplate.map(SamTemplate.map(template.globals(), "Function"), "LoggingConfig");
        assertThat(logging).containsEntry("LogFormat", "JSON")
                .containsEntry("ApplicationLogLevel", Map.of("Ref", "ApplicationLogLevel"));
        assertThat(values(SamTemplate.map(template.parameters(), "ApplicationLogLevel").get("AllowedValues")))
                .contains("INFO").doesNotContain("WARN", "ERROR", "FATAL");
        assertThat(SamTemplate.map(template.globals(), "Function").get("Tracing")).isEqualTo(Map.of("Ref", "Tracing"));
    }

    @Test
    void everyAlarmNotifiesTheAlarmTopicAndItsReturnToOk() {
        assertThat(alarms()).isNotEmpty();
        alarms().forEach((id, alarm) -> {
            assertThat(alarm.get("AlarmActions")).as(id + " AlarmActions").isEqualTo(List.of(ALARM_TOPIC));
            assertThat(alarm.get("OKActions")).as(id + " OKActions").isEqualTo(List.of(ALARM_TOPIC));
        });
        assertThat(resource("AlarmTopic").get("Type")).isEqualTo("AWS::SNS::Topic");
        assertThat(resource("AlarmEmailSubscription").get("Condition")).isEqualTo("HasAlarmEmail");
        assertThat(template.conditions().get("HasAlarmEmail"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmEmail"), "")))));
    }

    @Test
    void aStreamBatchThatKeepsFailingIsHalvedRetriedBoundedlyAndDescribedInAQueue() {
        List<SamTemplate.Event> streams = template.events("DynamoDB");
        assertThat(streams).isNotEmpty();
        for (SamTemplate.Event stream : streams) {
            Map<String, Object> p = stream.properties();
            assertThat(p.get("BisectBatchOnFunctionError")).as(stream.name()).isEqualTo(true);
            assertThat((Integer) p.get("MaximumRetryAttempts")).as(stream.name() + " retries").isBetween(0, 10);
            assertThat((Integer) p.get("MaximumRecordAgeInSeconds")).as(stream.name() + " record age").isBetween(60, 3600);
            Map<String, Object> onFailure = SamTemplate.map(SamTemplate.map(p, "DestinationConfig"), "OnFailure");
            // Type SQS is what makes SAM grant the function sqs:SendMessage on exactly this queue.
            assertThat(onFailure.get("Type")).as(stream.name()).isEqualTo("SQS");
            assertIsAQueueWithADepthAlarm(target(onFailure.get("Destination"), "Arn"));
        }
    }

    @Test
    void everyScheduledRunIsRetriedWithinItsPeriodAndEndsInADeadLetterQueue() {
        assertThat(template.schedules()).isNotEmpty();
        for (SamTemplate.Schedule schedule : template.schedules()) {
            Map<String, Object> event = template.events("Schedule").stream()
                    .filter(e -> e.functionId().equals(schedule.functionId()) && e.name().equals(schedule.eventName()))
                    .findFirst().orElseThrow().properties();
            String name = schedule.functionId() + "." + schedule.eventName();
            Map<String, Object> retry = SamTemplate.map(event, "RetryPolicy");
            assertThat((Integer) retry.get("MaximumRetryAttempts")).as(name + " delivery retries").isBetween(0, 5);
            assertThat(Duration.ofSeconds((Integer) retry.get("MaximumEventAgeInSeconds"))).as(name + " event age")
                    .isLessThanOrEqualTo(schedule.rate());
            assertIsAQueueWithADepthAlarm(target(SamTemplate.map(event, "DeadLetterConfig").get("Arn"), "Arn"));

            // EventBridge's retries cover delivery; a run that fails is the function's asynchronous invocation.
            Map<String, Object> invoke = SamTemplate.map(functionProperties(schedule.functionId()), "EventInvokeConfig");
            assertThat((Integer) invoke.get("MaximumRetryAttempts")).as(name + " run retries").isBetween(0, 2);
            assertThat(Duration.ofSeconds((Integer) invoke.get("MaximumEventAgeInSeconds"))).as(name + " run age")
                    .isLessThanOrEqualTo(schedule.rate());
            Map<String, Object> onFailure = SamTemplate.map(SamTemplate.map(invoke, "DestinationConfig"), "OnFailure");
            assertThat(onFailure.get("Type")).as(name).isEqualTo("SQS");
            assertIsAQueueWithADepthAlarm(target(onFailure.get("Destination"), "Arn"));
        }
    }

    @Test
    void everyFunctionAndTableHasItsHealthAlarms() {
        Map<String, Set<String>> lambdaMetrics = new HashMap<>();
        alarms().values().stream().filter(a -> "AWS/Lambda".equals(a.get("Namespace"))).forEach(alarm ->
                lambdaMetrics.computeIfAbsent(target(list(alarm.get("Dimensions")).getFirst().get("Value"), null),
                        f -> new TreeSet<>()).add((String) alarm.get("MetricName")));
        for (SamTemplate.Function function : template.functions()) {
            assertThat(lambdaMetrics.get(function.logicalId())).as(function.logicalId())
                    .containsExactlyInAnyOrder("Errors", "Throttles");
        }
        List<String> queries = alarms().values().stream()
                .flatMap(alarm -> list(alarm.get("Metrics")).stream())
                .map(query -> query.get("Expression"))
                .filter(expression -> expression instanceof Map<?, ?> sub && sub.containsKey("Fn::Sub"))
                .map(expression -> (String) ((Map<?, ?>) expression).get("Fn::Sub"))
                .toList();
        for (SamTemplate.Table table : template.tables()) {
            for (String metric : List.of("ThrottledRequests", "SystemErrors")) {
                assertThat(queries).as(table.logicalId() + " " + metric).contains("SELECT SUM(" + metric
                        + ") FROM SCHEMA(\"AWS/DynamoDB\", Operation, TableName) WHERE TableName = '${"
                        + table.logicalId() + "}'");
            }
        }
    }

    /** A route's latency metric as an alarm reads it: "GET /articles/{slug}". */
    private static String routeOf(Map<String, Object> query) {
        Map<String, Object> metric = SamTemplate.map(SamTemplate.map(query, "MetricStat"), "Metric");
        Map<String, Object> dimensions = new HashMap<>();
        list(metric.get("Dimensions")).forEach(d -> dimensions.put((String) d.get("Name"), d.get("Value")));
        if (!"Latency".equals(metric.get("MetricName")) || !dimensions.containsKey("Resource")) {
            return null;
        }
        assertThat(dimensions).containsEntry("ApiId", Map.of("Ref", "WartaApi")).containsEntry("Stage", "$default");
        return dimensions.get("Method") + " " + dimensions.get("Resource");
    }

    @Test
    void everyRouteIsWatchedByTheLatencyAlarmOfItsFunctionsRouteGroup() {
        Map<String, String> functionOfRoute = template.httpRoutes().stream()
                .filter(route -> route.path() != null)
                .collect(Collectors.toMap(SamTemplate.HttpRoute::routeKey, SamTemplate.HttpRoute::functionId));
        List<String> watched = new ArrayList<>();
        alarms().forEach((id, alarm) -> {
            List<Map<String, Object>> queries = list(alarm.get("Metrics"));
            List<String> routes = queries.stream().map(OperationsTemplateTest::routeOf).filter(r -> r != null).toList();
            if (routes.isEmpty()) {
                return;
            }
            assertThat(resource(id).get("Condition")).as(id + ": route metrics need detailed metrics")
                    .isEqualTo("HasDetailedApiMetrics");
            assertThat(routes.size()).as(id + " metrics").isLessThanOrEqualTo(METRICS_PER_ALARM);
            assertThat(routes.stream().map(functionOfRoute::get).distinct()).as(id + ": one function's routes")
                    .hasSize(1).doesNotContainNull();
            assertThat(queries).as(id + ": the slowest route's p99").anyMatch(q ->
                    "MAX(METRICS())".equals(q.get("Expression")) && Boolean.TRUE.equals(q.get("ReturnData")));
            watched.addAll(routes);
        });
        assertThat(watched).as("every route but $default, once").containsExactlyInAnyOrderElementsOf(functionOfRoute.keySet());
        Map<String, Object> routeSettings = SamTemplate.map(
                template.resourcesOfType("AWS::Serverless::HttpApi").get("WartaApi"), "DefaultRouteSettings");
        assertThat(routeSettings.get("DetailedMetricsEnabled"))
                .isEqualTo(Map.of("Fn::If", List.of("HasDetailedApiMetrics", true, false)));
    }

    private Set<String> documentedMetrics() {
        try {
            String readme = Files.readString(ProjectRoot.find().resolve("README.md"), StandardCharsets.UTF_8);
            int start = readme.indexOf("\n## Operating Warta");
            assertThat(start).as("README section Operating Warta").isNotNegative();
            String operating = readme.substring(start);
            int next = operating.indexOf("\n## ", 1);
            Set<String> names = new TreeSet<>();
            for (String line : (next < 0 ? operating : operating.substring(0, next)).split("\n")) {
                Matcher row = CONTRACT_ROW.matcher(line);
                if (row.find()) {
                    names.add(row.group(1));
                }
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void alarmsOnTheFunctionsMetricsUseTheNamespaceAndStackTheFunctionsAreGivenAndTheReadmeDocuments() {
        Set<String> documented = documentedMetrics();
        assertThat(documented).contains("OutboxOldestPendingAgeSeconds", "EmailsGivenUp", "BuilderRuns");
        List<Map<String, Object>> custom = alarms().values().stream()
                .filter(alarm -> "Warta".equals(alarm.get("Namespace"))).toList();
        assertThat(custom).extracting(alarm -> alarm.get("MetricName"))
                .containsExactlyInAnyOrder("OutboxOldestPendingAgeSeconds", "EmailsGivenUp", "BuilderRuns");
        for (Map<String, Object> alarm : custom) {
            assertThat(documented).contains((String) alarm.get("MetricName"));
            assertThat(alarm.get("Dimensions")).as(alarm.get("MetricName") + " dimensions")
                    .isEqualTo(List.of(Map.of("Name", "Stack", "Value", Map.of("Ref", "AWS::StackName"))));
        }
        // The two that report on every run: silence means the run stopped.
        assertThat(custom).filteredOn(alarm -> !"EmailsGivenUp".equals(alarm.get("MetricName")))
                .extracting(alarm -> alarm.get("TreatMissingData")).containsOnly("breaching");
        for (SamTemplate.Function function : template.functions()) {
            assertThat(function.environment()).as(function.logicalId())
                    .containsEntry("METRICS_NAMESPACE", "Warta")
                    .containsEntry("METRICS_STACK", Map.of("Ref", "AWS::StackName"));
        }
    }

    @Test
    void theDashboardIsJsonOnceSubstitutedAndGraphsOnlyDocumentedMetrics() throws IOException {
        Map<String, Object> dashboard = template.resourcesOfType("AWS::CloudWatch::Dashboard").get("OperationsDashboard");
        Object body = dashboard.get("DashboardBody");
        Intrinsics intrinsics = new Intrinsics(template, Map.of(), LocalCloud.REGION);
        JsonNode widgets = Json.mapper().readTree(intrinsics.resolveString(body)).path("widgets");
        assertThat(widgets.size()).isGreaterThan(5);
        for (JsonNode widget : widgets) {
            if (widget.path("type").asText().equals("metric")) {
                assertThat(widget.path("properties").path("region").asText()).isEqualTo(LocalCloud.REGION);
            }
        }
        Set<String> graphed = new TreeSet<>();
        Matcher metric = WARTA_METRIC_IN_DASHBOARD.matcher(body.toString());
        while (metric.find()) {
            graphed.add(metric.group(1) != null ? metric.group(1) : metric.group(2));
        }
        assertThat(graphed).as("the functions' metrics the dashboard graphs").isNotEmpty()
                .isSubsetOf(documentedMetrics());
        assertThat(graphed).contains("ArticleReads", "Unlocks", "SignIns", "EmailsSent", "BuilderRuns");
    }

    @Test
    void everyMetricTheAlarmsReadIsOneTheCodeReportsUnderTheDimensionsTheAlarmsGive() {
        List<Map<String, Object>> custom = alarms().values().stream()
                .filter(alarm -> "Warta".equals(alarm.get("Namespace"))).toList();
        assertThat(custom).isNotEmpty().allSatisfy(alarm -> {
            assertThat(REPORTED).as("the functions report " + alarm.get("MetricName")).contains((String) alarm.get("MetricName"));
            assertThat(list(alarm.get("Dimensions"))).extracting(d -> d.get("Name")).as("what every metric carries")
                    .containsExactly(Dimension.STACK);
        });
    }

    @Test
    void theDashboardGraphsExactlyTheReportedMetricsUnderTheirDimensionsAndTheReadmeDocumentsEachOne() {
        Object body = template.resourcesOfType("AWS::CloudWatch::Dashboard").get("OperationsDashboard").get("DashboardBody");
        Set<String> graphed = new TreeSet<>();
        Matcher metric = WARTA_METRIC_IN_DASHBOARD.matcher(body.toString());
        while (metric.find()) {
            graphed.add(metric.group(1) != null ? metric.group(1) : metric.group(2));
        }
        assertThat(graphed).as("the dashboard graphs every metric the code reports, and only those")
                .containsExactlyInAnyOrderElementsOf(REPORTED);
        assertThat(documentedMetrics()).containsAll(REPORTED);

        Set<String> dimensionNames = Arrays.stream(Dimension.values()).map(Dimension::dimensionName)
                .collect(Collectors.toCollection(TreeSet::new));
        Matcher search = DASHBOARD_SEARCH.matcher(body.toString());
        int searches = 0;
        while (search.find()) {
            List<String> dimensions = List.of(search.group(1).split(","));
            assertThat(dimensions.getFirst()).as(search.group(2)).isEqualTo(Dimension.STACK);
            assertThat(dimensionNames).as(search.group(2) + "'s dimensions").containsAll(dimensions.subList(1, dimensions.size()));
            searches++;
        }
        assertThat(searches).as("the metrics graphed by their dimensions: reads, unlocks, sign-ins, rate limits, suppressions")
                .isEqualTo(5);
    }
}
