package id.warta.views;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.warta.activity.Crawlers;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.dynamo.DynamoMeters;
import id.warta.dynamo.DynamoReadingContexts;
import id.warta.dynamo.DynamoViewLog;
import id.warta.http.ApiException;
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
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** POST /articles/{slug}/views: records a view and, with credit left, unlocks a metered article. */
public final class ViewsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
    private final HttpFunction http;
    private final ArticleViews views;
    private final ReaderIdentity identity;

    public ViewsHandler() {
        this(System.getenv());
    }

    public ViewsHandler(Map<String, String> environment) {
        this(ViewsConfig.from(new Env(environment)), Clock.systemUTC());
    }

    private ViewsHandler(ViewsConfig config, Clock clock) {
        this(views(config, AwsClients.dynamoDb(config.aws()), clock),
                new ReaderIdentity(new AccessTokens(config.accessTokenSecret(), clock)), RequestLog.toStdout("views"));
        Core.getGlobalContext().register(this);
    }

    private static ArticleViews views(ViewsConfig config, DynamoDbClient dynamo, Clock clock) {
        DynamoMeters meters = new DynamoMeters(dynamo, config.activityTable());
        return new ArticleViews(
                new DynamoReadingContexts(dynamo, config.contentTable(), config.accountsTable(), config.activityTable()),
                meters, meters, new DynamoViewLog(dynamo, config.activityTable()),
                new AccessPolicy(config.freeArticlesPerMonth()), clock);
    }

    ViewsHandler(ArticleViews views, ReaderIdentity identity, RequestLog log) {
        this.views = views;
        this.identity = identity;
        this.http = HttpFunction.builder(log)
                .route("POST /articles/{slug}/views", this::recordView)
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.handle(event, context);
    }

    /** SnapStart: a view of an article that does not exist reads, answers 404, and records nothing. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        http.prime("POST /articles/{slug}/views", "/articles/snapstart-priming/views", "{}");
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the clients re-resolve credentials and connections on use.
    }

    private ApiResponse recordView(ApiRequest request) {
        request.jsonObject(true);
        Optional<String> browserId = ReaderIdentity.readerId(request);
        Optional<AccessClaims> claims = identity.bearer(request);
        boolean crawler = Crawlers.isCrawler(request.header("user-agent").orElse(null));
        Access access = views.view(request.pathParameter("slug"), claims, browserId, crawler)
                .orElseThrow(() -> ApiException.of(ErrorCode.ARTICLE_NOT_FOUND, "Artikel tidak ditemukan."));
        return ApiResponse.ok(Map.of("access", access), CachePolicy.PRIVATE);
    }
}
