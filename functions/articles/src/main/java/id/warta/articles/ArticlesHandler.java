package id.warta.articles;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.content.Article;
import id.warta.content.InvalidCursorException;
import id.warta.dynamo.DynamoContentRepository;
import id.warta.http.ApiException;
import id.warta.http.ApiRequest;
import id.warta.http.ApiResponse;
import id.warta.http.CachePolicy;
import id.warta.http.ErrorCode;
import id.warta.http.HttpFunction;
import id.warta.http.QueryParams;
import id.warta.http.ReaderIdentity;
import id.warta.http.RequestLog;
import id.warta.identity.AccessTokens;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

/** GET routes of articles, recommendations, trending and videos, and the JSON 404 behind API Gateway's $default route. */
public final class ArticlesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
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
    }

    private ArticlesHandler(ArticlesConfig config, DynamoDbClient dynamo, ReaderIdentity identity, Clock clock) {
        this(new ArticleReads(new DynamoContentRepository(dynamo, config.contentTable()), clock), identity,
                RecommendationRoutes.create(config, dynamo, identity, clock), RequestLog.toStdout("articles"));
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
        CachePolicy cache = cachePolicy(request);
        Article article = reads.find(request.pathParameter("slug"))
                .orElseThrow(() -> ApiException.of(ErrorCode.ARTICLE_NOT_FOUND, "Artikel tidak ditemukan."));
        ArticleJson.Access access = new ArticleJson.Access(article.summary().accessLevel().name(), true, null, null);
        return ApiResponse.ok(reads.render(article, access), cache);
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
