package id.warta.articles;

import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.dynamo.DynamoContentRepository;
import id.warta.dynamo.DynamoReadingContexts;
import id.warta.http.ApiHandler;
import id.warta.http.HttpFunction;
import id.warta.http.ReaderIdentity;
import id.warta.http.RequestLog;
import id.warta.identity.AccessTokens;
import id.warta.paywall.AccessPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

/** GET routes of articles, recommendations, trending and videos, and the JSON 404 behind API Gateway's $default route. */
public final class ArticlesHandler extends ApiHandler {

    public ArticlesHandler() {
        this(System.getenv());
    }

    public ArticlesHandler(Map<String, String> environment) {
        this(ArticlesConfig.from(new Env(environment)), Clock.systemUTC());
        primeBeforeSnapshots();
    }

    private ArticlesHandler(ArticlesConfig config, Clock clock) {
        this(config, AwsClients.dynamoDb(config.aws()), new ReaderIdentity(new AccessTokens(config.accessTokenSecret(), clock)),
                clock);
    }

    private ArticlesHandler(ArticlesConfig config, DynamoDbClient dynamo, ReaderIdentity identity, Clock clock) {
        this(new ArticleRoutes(new ArticleReads(new DynamoContentRepository(dynamo, config.contentTable()),
                        new DynamoReadingContexts(dynamo, config.contentTable(), config.accountsTable(), config.activityTable()),
                        new AccessPolicy(config.freeArticlesPerMonth()), clock), identity),
                RecommendationRoutes.create(config, dynamo, identity, clock), RequestLog.toStdout("articles"));
    }

    ArticlesHandler(ArticleRoutes articles, RecommendationRoutes recommendations, RequestLog log) {
        super(HttpFunction.builder(log)
                .route("GET /articles", articles::list)
                .route("GET /articles/{slug}", articles::article)
                .route("GET /articles/{slug}/recommendations", recommendations::related)
                .route("GET /trending", request -> recommendations.trending(request, articles.cachePolicy(request)))
                .route("GET /videos", articles::videos)
                .build());
    }

    /** Listings, an article that does not exist, and trending: reads only. */
    @Override
    protected void prime(HttpFunction http) {
        http.prime("GET /articles", "/articles", null);
        http.prime("GET /articles/{slug}", "/articles/snapstart-priming", null);
        http.prime("GET /trending", "/trending", null);
    }
}
