package id.warta.recommender;

import id.warta.recommendations.BuildReport;
import id.warta.recommendations.SingleRunBuilder;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.logging.EventLog;
import id.warta.metrics.Measurements;
import id.warta.metrics.Metric;
import id.warta.metrics.Metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Schedule event (every 15 minutes): rebuilds related and trending lists from the views since
 * the last run, one run at a time (the lease in the RecommendationsTable; a run that finds it held
 * returns at once). The event carries nothing the build needs; the time is the clock's. A completed
 * build reports {@code BuilderRuns} 1, its duration and the views it read as metrics: the missed-runs
 * alarm takes two schedule periods without a completed build for a builder that stopped.
 */
public final class RecommendationsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final SingleRunBuilder builder;
    private final EventLog log;
    private final Metrics metrics;

    public RecommendationsHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /**
     * The function as Lambda builds it, from its environment; the local stack builds it the same way
     * with a clock of its own (one a test may move forward), in production the system clock.
     */
    public RecommendationsHandler(Map<String, String> environment, Clock clock) {
        RecommendationsConfig config = RecommendationsConfig.from(new Env(environment));
        EventLog log = EventLog.toStdout("recommendations");
        this(RecommendationsWiring.wire(config, AwsClients.dynamoDb(config.aws()), clock),
                log, config.metrics().toLog(log, clock));
    }

    RecommendationsHandler(SingleRunBuilder builder, EventLog log, Metrics metrics) {
        this.builder = builder;
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * Runs on the EventBridge schedule (its event carries nothing the build needs, so it arrives as a
     * map). The run is the invocation: its request id (the same when Lambda retries it) holds the
     * lease, for the invocation's remaining time at most. Returns what the run did, or
     * {"skipped": "another run holds the lease"}; a failure propagates so that the scheduler's retry
     * and alarms see it.
     */
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        long started = System.nanoTime();
        Optional<BuildReport> built = builder.build(context.getAwsRequestId(), Duration.ofMillis(context.getRemainingTimeInMillis()));
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        Map<String, Object> report = built.map(BuildReport::toMap)
                .orElseGet(() -> Map.of("skipped", SingleRunBuilder.LEASE_HELD));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "INFO");
        line.put("durationMs", durationMs);
        line.put("report", report);
        log.event(line);
        built.ifPresent(build -> metrics.publish(Measurements.of()
                .put(Metric.BUILDER_RUNS, 1)
                .put(Metric.BUILDER_DURATION, durationMs)
                .put(Metric.VIEWS_PROCESSED, build.viewsRead())));
        return report;
    }
}
