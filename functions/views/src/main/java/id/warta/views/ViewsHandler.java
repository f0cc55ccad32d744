package id.warta.views;

import id.warta.activity.Crawlers;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.dynamo.DynamoMeters;
import id.warta.dynamo.DynamoReadingContexts;
import id.warta.dynamo.DynamoViewLog;
import id.warta.http.ApiException;
import id.warta.http.ApiHandler;
import id.warta.http.ApiRequest;
import id.warta.http.ApiResponse;
import id.warta.http.CachePolicy;
import id.warta.http.ErrorCode;
import id.warta.http.HttpFunction;
import id.warta.http.ReaderIdentity;
import id.warta.http.RequestLog;
import id.warta.identity.AccessClaims;
import id.warta.identity.AccessTokens;
import id.warta.paywall.Access;
import id.warta.paywall.AccessPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * POST /articles/{slug}/views: records a view (once per reader, article and hour, within a per-IP
 * ceiling) and, with credit left, unlocks a metered article.
 */
public final class ViewsHandler extends ApiHandler {

    public ViewsHandler() {
        this(System.getenv());
    }

    public ViewsHandler(Map<String, String> environment) {
        this(ViewsConfig.from(new Env(environment)), Clock.systemUTC());
        primeBeforeSnapshots();
    }

    private ViewsHandler(ViewsConfig config, Clock clock) {
        this(views(config, AwsClients.dynamoDb(config.aws()), clock),
                new ReaderIdentity(new AccessTokens(config.accessTokenSecret(), clock)), RequestLog.toStdout("views"));
    }

    private static ArticleViews views(ViewsConfig config, DynamoDbClient dynamo, Clock clock) {
        DynamoMeters meters = new DynamoMeters(dynamo, config.activityTable());
        return new ArticleViews(
                new DynamoReadingContexts(dynamo, config.contentTable(), config.accountsTable(), config.activityTable()),
                meters, meters, new DynamoViewLog(dynamo, config.activityTable()),
                new DynamoViewCeiling(dynamo, config.activityTable(), config.viewsPerIpPerMinute()),
                new NetworkPseudonyms(config.accessTokenSecret()), new AccessPolicy(config.freeArticlesPerMonth()), clock);
    }

    ViewsHandler(ArticleViews views, ReaderIdentity identity, RequestLog log) {
        super(HttpFunction.builder(log)
                .route("POST /articles/{slug}/views", request -> recordView(views, identity, request))
                .build());
    }

    private static ApiResponse recordView(ArticleViews views, ReaderIdentity identity, ApiRequest request) {
        request.jsonObject(true);
        Optional<String> browserId = ReaderIdentity.readerId(request);
        Optional<AccessClaims> claims = identity.bearer(request);
        boolean crawler = Crawlers.isCrawler(request.header("user-agent").orElse(null));
        Access access = views.view(request.slug(), claims, browserId, crawler, request.sourceIp())
                .orElseThrow(() -> ApiException.of(ErrorCode.ARTICLE_NOT_FOUND, "Artikel tidak ditemukan."));
        return ApiResponse.ok(Map.of("access", access), CachePolicy.PRIVATE);
    }

    /** A view of an article that does not exist reads, answers 404, and records nothing. */
    @Override
    protected void prime(HttpFunction http) {
        http.prime("POST /articles/{slug}/views", "/articles/snapstart-priming/views", "{}");
    }
}
