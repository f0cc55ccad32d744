package id.warta.articles;

import id.warta.content.ArticleSummary;
import id.warta.dynamo.DynamoContentRepository;
import id.warta.dynamo.DynamoReaderAccounts;
import id.warta.dynamo.DynamoRecommendations;
import id.warta.dynamo.DynamoViewLog;
import id.warta.http.ApiException;
import id.warta.http.ApiRequest;
import id.warta.http.ApiResponse;
import id.warta.http.CachePolicy;
import id.warta.http.ErrorCode;
import id.warta.http.QueryParams;
import id.warta.http.Reader;
import id.warta.http.ReaderIdentity;
import id.warta.http.ReaderResolver;
import id.warta.recommendations.Recommendations;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** GET /articles/{slug}/recommendations and GET /trending: parse, ask {@link Recommendations}, render summaries. */
final class RecommendationRoutes {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_SLUG_LENGTH = 200;
    private static final int MAX_SECTION_LENGTH = 64;

    private final Recommendations recommendations;
    private final ReaderResolver readers;
    private final Clock clock;

    RecommendationRoutes(Recommendations recommendations, ReaderResolver readers, Clock clock) {
        this.recommendations = recommendations;
        this.readers = readers;
        this.clock = clock;
    }

    static RecommendationRoutes create(ArticlesConfig config, DynamoDbClient dynamo, ReaderIdentity identity, Clock clock) {
        return new RecommendationRoutes(new Recommendations(
                new DynamoRecommendations(dynamo, config.recommendationsTable(), clock),
                new DynamoViewLog(dynamo, config.activityTable()),
                new DynamoContentRepository(dynamo, config.contentTable())),
                new ReaderResolver(identity, new DynamoReaderAccounts(dynamo, config.accountsTable())), clock);
    }

    /**
     * Filtered by this reader's history, so only an unidentified reader's answer may be cached
     * publicly, and a cache must tell a browser with an X-Reader-Id from one without.
     */
    ApiResponse related(ApiRequest request) {
        Reader reader = readers.resolve(request);
        int limit = QueryParams.intInRange(request, "limit", 1, 20, 6);
        String slug = request.slug();
        List<ArticleSummary> items = Optional.of(slug)
                .filter(s -> s.length() <= MAX_SLUG_LENGTH && SLUG.matcher(s).matches())
                .flatMap(s -> recommendations.related(s, reader.key(), limit))
                .orElseThrow(() -> ApiException.of(ErrorCode.ARTICLE_NOT_FOUND, "Artikel tidak ditemukan."));
        return ApiResponse.ok(body(items), reader.key().isAnonymous() ? CachePolicy.PUBLIC_SHORT : CachePolicy.PRIVATE)
                .varyingAlsoOn("X-Reader-Id");
    }

    /** The same for every reader; the caller validates identity headers and picks the cache policy. */
    ApiResponse trending(ApiRequest request, CachePolicy cache) {
        int limit = QueryParams.intInRange(request, "limit", 1, 20, 5);
        Optional<String> section = request.query("section").filter(s -> !s.isEmpty());
        List<ArticleSummary> items = section.map(s -> s.length() > MAX_SECTION_LENGTH).orElse(false)
                ? List.of() : recommendations.trending(section, limit);
        return ApiResponse.ok(body(items), cache);
    }

    private Map<String, Object> body(List<ArticleSummary> items) {
        Instant now = clock.instant();
        return Map.of("items", items.stream().map(s -> ArticleJson.summary(s, now)).toList());
    }
}
