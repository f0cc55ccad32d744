package id.warta.articles;

import id.warta.errors.ArticleNotFound;
import id.warta.content.ArticleSummary;
import id.warta.content.Sections;
import id.warta.content.Slugs;
import id.warta.http.ApiRequest;
import id.warta.http.ApiResponse;
import id.warta.http.CachePolicy;
import id.warta.http.QueryParams;
import id.warta.reader.Reader;
import id.warta.http.ReaderResolver;
import id.warta.recommendations.Recommendations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** GET /articles/{slug}/recommendations and GET /trending: parse, ask {@link Recommendations}, render summaries. */
final class RecommendationRoutes {

    private final Recommendations recommendations;
    private final ReaderResolver readers;
    private final Clock clock;

    RecommendationRoutes(Recommendations recommendations, ReaderResolver readers, Clock clock) {
        this.recommendations = recommendations;
        this.readers = readers;
        this.clock = clock;
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
                .filter(Slugs::isValid)
                .flatMap(s -> recommendations.related(s, reader.key(), limit))
                .orElseThrow(ArticleNotFound::new);
        return ApiResponse.ok(body(items), reader.key().isAnonymous() ? CachePolicy.PUBLIC_SHORT : CachePolicy.PRIVATE)
                .varyingAlsoOn("X-Reader-Id");
    }

    /** The same for every reader; the caller validates identity headers and picks the cache policy. */
    ApiResponse trending(ApiRequest request, CachePolicy cache) {
        int limit = QueryParams.intInRange(request, "limit", 1, 20, 5);
        Optional<String> section = request.query("section").filter(s -> !s.isEmpty());
        List<ArticleSummary> items = section.map(s -> !Sections.mayExist(s)).orElse(false)
                ? List.of() : recommendations.trending(section, limit);
        return ApiResponse.ok(body(items), cache);
    }

    private ArticleJson.Items<ArticleJson.Summary> body(List<ArticleSummary> items) {
        Instant now = clock.instant();
        return new ArticleJson.Items<>(items.stream().map(s -> ArticleJson.summary(s, now)).toList());
    }
}
