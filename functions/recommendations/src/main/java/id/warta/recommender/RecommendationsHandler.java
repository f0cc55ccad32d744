package id.warta.recommender;

import id.warta.recommendations.SingleRunBuilder;
import id.warta.recommendations.RecommendationWeights;
import id.warta.recommendations.RecommendationBuilder;
import id.warta.recommendations.BuildReport;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.dynamo.DynamoBuilderLease;
import id.warta.dynamo.DynamoContentRepository;
import id.warta.dynamo.DynamoRecommendations;
import id.warta.dynamo.DynamoViewLog;
import id.warta.logging.EventLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Schedule event (every 15 minutes): rebuilds related and trending lists from the views since
 * the last run, one run at a time (the lease in the RecommendationsTable; a run that finds it held
 * returns at once). The event carries nothing the build needs; the time is the clock's.
 */
public final class RecommendationsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final SingleRunBuilder builder;
    private final EventLog log;

    public RecommendationsHandler() {
        this(System.getenv());
    }

    public RecommendationsHandler(Map<String, String> environment) {
        RecommendationsConfig config = RecommendationsConfig.from(new Env(environment));
        this(RecommendationsWiring.wire(config, AwsClients.dynamoDb(config.aws()), Clock.systemUTC()),
                EventLog.toStdout("recommendations"));
    }

    RecommendationsHandler(SingleRunBuilder builder, EventLog log) {
        this.builder = builder;
        this.log = log;
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
        Map<String, Object> report = builder.build(context.getAwsRequestId(), Duration.ofMillis(context.getRemainingTimeInMillis()))
                .map(BuildReport::toMap)
                .orElseGet(() -> Map.of("skipped", SingleRunBuilder.LEASE_HELD));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "INFO");
        line.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        line.put("report", report);
        log.event(line);
        return report;
    }
}
