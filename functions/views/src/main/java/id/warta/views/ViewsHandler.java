package id.warta.views;

import id.warta.errors.ArticleNotFound;
import id.warta.activity.Crawlers;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.http.ApiHandler;
import id.warta.http.ApiRequest;
import id.warta.http.ApiResponse;
import id.warta.http.CachePolicy;
import id.warta.http.HttpFunction;
import id.warta.http.ReaderIdentity;
import id.warta.http.RequestLog;
import id.warta.identity.AccessClaims;
import id.warta.logging.EventLog;
import id.warta.metrics.Metrics;
import id.warta.paywall.Access;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * POST /articles/{slug}/views: records a view (once per reader, article and hour, within a per-IP
 * ceiling) and, with credit left, unlocks a metered article.
 */
public final class ViewsHandler extends ApiHandler {
    /** The contract's answer to a view: the reader's access to the article after it. */
    record ViewAnswer(Access access) {
    }

    public ViewsHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /**
     * The function as Lambda builds it, from its environment; the local stack builds it the same way
     * with a clock of its own (one a test may move forward), in production the system clock.
     */
    public ViewsHandler(Map<String, String> environment, Clock clock) {
        ViewsConfig config = ViewsConfig.from(new Env(environment));
        Metrics metrics = config.metrics().toLog(EventLog.toStdout("views"), clock);
        ViewsWiring.Graph graph = ViewsWiring.wire(config, AwsClients.dynamoDb(config.aws()), metrics, clock);
        this(graph.views(), graph.identity(), RequestLog.toStdout("views", metrics));
        primeBeforeSnapshots();
    }

    ViewsHandler(ArticleViews views, ReaderIdentity identity, RequestLog log) {
        super(HttpFunction.builder(log)
                .route("POST /articles/{slug}/views", request -> recordView(views, identity, request))
                .build());
    }

    private static ApiResponse recordView(ArticleViews views, ReaderIdentity identity, ApiRequest request) {
        request.requireJsonObject(true);
        Optional<String> browserId = ReaderIdentity.readerId(request);
        Optional<AccessClaims> claims = identity.bearer(request);
        boolean crawler = Crawlers.isCrawler(request.header("user-agent").orElse(null));
        Access access = views.view(request.slug(), claims, browserId, crawler, request.sourceIp())
                .orElseThrow(ArticleNotFound::new);
        return ApiResponse.ok(new ViewAnswer(access), CachePolicy.PRIVATE);
    }

    /**
     * A view of an article that does not exist reads, answers 404, and records nothing; one with a
     * token that does not verify is refused before it reads anything.
     */
    @Override
    protected void prime(HttpFunction http) {
        http.prime("POST /articles/{slug}/views", "/articles/snapstart-priming/views", "{}");
        http.primeWithForeignToken("POST /articles/{slug}/views", "/articles/snapstart-priming/views", "{}");
    }
}
