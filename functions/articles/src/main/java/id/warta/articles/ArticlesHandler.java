package id.warta.articles;

import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.http.ApiHandler;
import id.warta.http.HttpFunction;
import id.warta.http.RequestLog;
import id.warta.logging.EventLog;
import id.warta.metrics.Metrics;

import java.time.Clock;
import java.util.Map;

/** GET routes of articles, recommendations, trending, editors' picks and videos, and the JSON 404 behind API Gateway's $default route. */
public final class ArticlesHandler extends ApiHandler {

    public ArticlesHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /**
     * The function as Lambda builds it, from its environment; the local stack builds it the same way
     * with a clock of its own (one a test may move forward), in production the system clock.
     */
    public ArticlesHandler(Map<String, String> environment, Clock clock) {
        ArticlesConfig config = ArticlesConfig.from(new Env(environment));
        Metrics metrics = config.metrics().toLog(EventLog.toStdout("articles"), clock);
        ArticlesWiring.Routes routes = ArticlesWiring.wire(config, AwsClients.dynamoDb(config.aws()), metrics,
                clock);
        this(routes.articles(), routes.recommendations(), RequestLog.toStdout("articles", metrics));
        primeBeforeSnapshots();
    }

    ArticlesHandler(ArticleRoutes articles, RecommendationRoutes recommendations, RequestLog log) {
        super(HttpFunction.builder(log)
                .route("GET /articles", articles::list)
                .route("GET /articles/{slug}", articles::article)
                .route("GET /articles/{slug}/recommendations", recommendations::related)
                .route("GET /trending", request -> recommendations.trending(request, articles.cachePolicy(request)))
                .route("GET /editors-picks", articles::editorsPicks)
                .route("GET /videos", articles::videos)
                .build());
    }

    /** Listings, an article that does not exist (also with a token that does not verify), and trending: reads only. */
    @Override
    protected void prime(HttpFunction http) {
        http.prime("GET /articles", "/articles", null);
        http.prime("GET /articles/{slug}", "/articles/snapstart-priming", null);
        http.primeWithForeignToken("GET /articles/{slug}", "/articles/snapstart-priming", null);
        http.prime("GET /trending", "/trending", null);
    }
}
