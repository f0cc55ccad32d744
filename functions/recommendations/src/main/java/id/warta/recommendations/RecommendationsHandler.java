package id.warta.recommendations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.dynamo.DynamoContentRepository;
import id.warta.dynamo.DynamoRecommendations;
import id.warta.dynamo.DynamoViewLog;
import id.warta.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Schedule event (every 15 minutes): rebuilds related and trending lists from the views since
 * the last run. The event carries nothing the build needs; the time is the clock's.
 */
public final class RecommendationsHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final RecommendationBuilder builder;
    private final Consumer<String> log;

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
                RecommendationWeights.DEFAULT, clock), System.out::println);
    }

    RecommendationsHandler(RecommendationBuilder builder, Consumer<String> log) {
        this.builder = builder;
        this.log = log;
    }

    /**
     * Returns what the run did, as a plain map (the runtime's serialiser needs no knowledge of our
     * types); a failure propagates so that the scheduler's retry and alarms see it.
     */
    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        long started = System.nanoTime();
        Map<String, Object> report = Json.mapper().convertValue(builder.build(), new TypeReference<>() {
        });
        log.accept(logLine(report, (System.nanoTime() - started) / 1_000_000));
        return report;
    }

    private static String logLine(Map<String, Object> report, long millis) {
        try {
            return Json.mapper().writeValueAsString(Map.of("function", "recommendations", "durationMs", millis,
                    "report", report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
