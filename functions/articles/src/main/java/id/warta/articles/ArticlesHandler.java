package id.warta.articles;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.content.AccessLevel;
import id.warta.content.InvalidCursorException;
import id.warta.dynamo.DynamoContentRepository;
import id.warta.dynamo.DynamoReadingContexts;
import id.warta.http.ApiException;
import id.warta.http.ApiRequest;
import id.warta.http.ApiResponse;
import id.warta.http.CachePolicy;
import id.warta.http.ErrorCode;
import id.warta.http.HttpFunction;
import id.warta.http.QueryParams;
import id.warta.http.ReaderIdentity;
import id.warta.http.RequestLog;
import id.warta.identity.AccessClaims;
import id.warta.identity.AccessTokens;
import id.warta.paywall.AccessPolicy;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** GET routes of articles, recommendations, trending and videos, and the JSON 404 behind API Gateway's $default route. */
public final class ArticlesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
    private final HttpFunction http;
    private final ArticleReads reads;
    private final ReaderIdentity identity;

    public ArticlesHandler() {
        this(System.getenv());
    }

    public ArticlesHandler(Map<String, String> environment) {
        this(ArticlesConfig.from(new Env(environment)), Clock.systemUTC());
    }

    private ArticlesHandler(ArticlesConfig config, Clock clock) {
        this(config, AwsClients.dynamoDb(config.aws()), new ReaderIdentity(new AccessTokens(config.accessTokenSecret(), clock)),
                clock);
        Core.getGlobalContext().register(this);
    }

    private ArticlesHandler(ArticlesConfig config, DynamoDbClient dynamo, ReaderIdentity identity, Clock clock) {
        this(new ArticleReads(new DynamoContentRepository(dynamo, config.contentTable()),
                        new DynamoReadingContexts(dynamo, config.contentTable(), config.accountsTable(), config.activityTable()),
                        new AccessPolicy(config.freeArticlesPerMonth()), clock),
                identity, RecommendationRoutes.create(config, dynamo, identity, clock), RequestLog.toStdout("articles"));
    }

    ArticlesHandler(ArticleReads reads, ReaderIdentity identity, RecommendationRoutes recommendations, RequestLog log) {
        this.reads = reads;
        this.identity = identity;
        this.http = HttpFunction.builder(log)
                .route("GET /articles", this::list)
                .route("GET /articles/{slug}", this::article)
                .route("GET /articles/{slug}/recommendations", recommendations::related)
                .route("GET /trending", request -> recommendations.trending(request, cachePolicy(request)))
                .route("GET /videos", this::videos)
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.handle(event, context);
    }

    /** SnapStart: warm the read paths before the snapshot; these requests only read. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        http.prime("GET /articles", "/articles", null);
        http.prime("GET /articles/{slug}", "/articles/snapstart-priming", null);
        http.prime("GET /trending", "/trending", null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the clients re-resolve credentials and connections on use.
    }

    private ApiResponse list(ApiRequest request) {
        CachePolicy cache = cachePolicy(request);
        int limit = QueryParams.intInRange(request, "limit", 1, 50, 20);
        try {
            return ApiResponse.ok(reads.list(request.query("section"), request.query("edition"), limit,
                    request.query("cursor")), cache);
        } catch (InvalidCursorException e) {
            throw ApiException.validation(Map.of("cursor", "kursor tidak valid"));
        }
    }

    private ApiResponse article(ApiRequest request) {
        ReaderIdentity.readerId(request);
        Optional<AccessClaims> claims = identity.bearer(request);
        ArticleJson.Full article = reads.article(request.pathParameter("slug"), claims)
                .orElseThrow(() -> ApiException.of(ErrorCode.ARTICLE_NOT_FOUND, "Artikel tidak ditemukan."));
        // A shared cache may keep only what every anonymous reader gets alike: teasers and meters stay private.
        boolean sameForEveryone = claims.isEmpty() && article.access().level() == AccessLevel.FREE;
        return ApiResponse.ok(article, sameForEveryone ? CachePolicy.PUBLIC_SHORT : CachePolicy.PRIVATE);
    }

    private ApiResponse videos(ApiRequest request) {
        CachePolicy cache = cachePolicy(request);
        return ApiResponse.ok(reads.videos(QueryParams.intInRange(request, "limit", 1, 20, 5)), cache);
    }

    /** Validates the caller's identity headers; anonymous content reads may be cached publicly. */
    private CachePolicy cachePolicy(ApiRequest request) {
        ReaderIdentity.readerId(request);
        return identity.bearer(request).isPresent() ? CachePolicy.PRIVATE : CachePolicy.PUBLIC_SHORT;
    }
}
