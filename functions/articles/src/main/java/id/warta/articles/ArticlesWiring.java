package id.warta.articles;

import id.warta.dynamo.DynamoContentRepository;
import id.warta.dynamo.DynamoReaderAccounts;
import id.warta.dynamo.DynamoReadingContexts;
import id.warta.dynamo.DynamoRecommendations;
import id.warta.dynamo.DynamoViewLog;
import id.warta.http.ReaderIdentity;
import id.warta.http.ReaderResolver;
import id.warta.http.JwtAccessTokens;
import id.warta.metrics.Metrics;
import id.warta.paywall.AccessPolicy;
import id.warta.paywall.PaywallMetrics;
import id.warta.recommendations.Recommendations;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The articles function's object graph, built once per container: one client, one adapter per table. */
final class ArticlesWiring {
    /** What the handler routes to. */
    record Routes(ArticleRoutes articles, RecommendationRoutes recommendations) {
    }

    private ArticlesWiring() {
    }

    static Routes wire(ArticlesConfig config, DynamoDbClient dynamo, Metrics metrics, Clock clock) {
        ReaderIdentity identity = new ReaderIdentity(new JwtAccessTokens(config.accessTokenKeys().ring(clock), clock));
        DynamoContentRepository content = new DynamoContentRepository(dynamo, config.contentTable(), clock);
        ArticleReads reads = new ArticleReads(content,
                new DynamoReadingContexts(dynamo, content, config.accountsTable(), config.activityTable()),
                new AccessPolicy(config.freeArticlesPerMonth()), new PaywallMetrics(metrics), clock);
        Recommendations recommendations = new Recommendations(
                new DynamoRecommendations(dynamo, config.recommendationsTable(), clock),
                new DynamoViewLog(dynamo, config.activityTable()), content);
        ReaderResolver readers = new ReaderResolver(identity, new DynamoReaderAccounts(dynamo, config.accountsTable()));
        return new Routes(new ArticleRoutes(reads, identity, readers), new RecommendationRoutes(recommendations, readers, clock));
    }
}
