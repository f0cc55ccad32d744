package id.warta.recommender;

import id.warta.dynamo.DynamoBuilderLease;
import id.warta.dynamo.DynamoContentRepository;
import id.warta.dynamo.DynamoRecommendations;
import id.warta.dynamo.DynamoViewLog;
import id.warta.recommendations.RecommendationBuilder;
import id.warta.recommendations.RecommendationWeights;
import id.warta.recommendations.SingleRunBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The builder's object graph, built once per container: one client, one adapter per table. */
final class RecommendationsWiring {
    private RecommendationsWiring() {
    }

    static SingleRunBuilder wire(RecommendationsConfig config, DynamoDbClient dynamo, Clock clock) {
        return new SingleRunBuilder(new RecommendationBuilder(
                new DynamoViewLog(dynamo, config.activityTable()),
                new DynamoContentRepository(dynamo, config.contentTable()),
                new DynamoRecommendations(dynamo, config.recommendationsTable(), clock),
                RecommendationWeights.DEFAULT, clock),
                new DynamoBuilderLease(dynamo, config.recommendationsTable()), clock);
    }
}
