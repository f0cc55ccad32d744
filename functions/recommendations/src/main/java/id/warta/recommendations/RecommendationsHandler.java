package id.warta.recommendations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.dynamo.DynamoContentRepository;
import id.warta.dynamo.DynamoRecommendations;
import id.warta.dynamo.DynamoViewLog;
import id.warta.http.RequestLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Schedule event (every 15 minutes): rebuilds related and trending lists from the views since
 * the last run. The event carries nothing the build needs; the time is the clock's.
 */
public final class RecommendationsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final RecommendationBuilder builder;
    private final RequestLog log;

    public RecommendationsHandler() {
        this(System.getenv());
    }

    public RecommendationsHandler(Map<String, String> environment) {
        this(RecommendationsConfig.from(new Env(environment)), Clock.systemUTC());
    }

    private RecommendationsHandler(RecommendationsConfig config, Clock clock) {
        this(config, AwsClients.dynamoDb(config.aws()), clock);
    }

    private RecommendationsHandler(RecommendationsConfig config, DynamoDbClient dynamo, Clock clock) {
        this(new RecommendationBuilder(
                new DynamoViewLog(dynamo, config.activityTable()),
                new DynamoContentRepository(dynamo, config.contentTable()),
                new DynamoRecommendations(dynamo, config.recommendationsTable(), clock),
                RecommendationWeights.DEFAULT, clock), RequestLog.toStdout("recommendations"));
    }

    RecommendationsHandler(RecommendationBuilder builder, RequestLog log) {
        this.builder = builder;
        this.log = log;
    }

    /**
     * Runs on the EventBridge schedule (its event carries nothing the build needs, so it arrives as a
     * map). Returns what the run did; a failure propagates so that the scheduler's retry and alarms see it.
     */
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        long started = System.nanoTime();
        Map<String, Object> report = builder.build().toMap();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "INFO");
        line.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        line.put("report", report);
        log.event(line);
        return report;
    }
}
