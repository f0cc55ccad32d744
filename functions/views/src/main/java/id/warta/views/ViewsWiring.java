package id.warta.views;

import id.warta.dynamo.DynamoContentRepository;
import id.warta.dynamo.DynamoMeters;
import id.warta.dynamo.DynamoReadingContexts;
import id.warta.dynamo.DynamoViewCeiling;
import id.warta.dynamo.DynamoViewLog;
import id.warta.http.ReaderIdentity;
import id.warta.http.JwtAccessTokens;
import id.warta.metrics.Metrics;
import id.warta.paywall.AccessPolicy;
import id.warta.paywall.PaywallMetrics;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The views function's object graph, built once per container: one client, one adapter per table. */
final class ViewsWiring {
    /** What the handler's one route needs. */
    record Graph(ArticleViews views, ReaderIdentity identity) {
    }

    private ViewsWiring() {
    }

    static Graph wire(ViewsConfig config, DynamoDbClient dynamo, Metrics metrics, Clock clock) {
        DynamoMeters meters = new DynamoMeters(dynamo, config.activityTable());
        DynamoContentRepository content = new DynamoContentRepository(dynamo, config.contentTable(), clock);
        ArticleViews views = new ArticleViews(
                new DynamoReadingContexts(dynamo, content, config.accountsTable(), config.activityTable()),
                meters, meters, new DynamoViewLog(dynamo, config.activityTable()),
                new DynamoViewCeiling(dynamo, config.activityTable(), config.viewsPerIpPerMinute()),
                new NetworkPseudonyms(config.serverKey().read()), new AccessPolicy(config.freeArticlesPerMonth()),
                new PaywallMetrics(metrics), clock);
        return new Graph(views, new ReaderIdentity(new JwtAccessTokens(config.accessTokenKeys().ring(clock), clock)));
    }
}
