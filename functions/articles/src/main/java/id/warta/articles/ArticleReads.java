package id.warta.articles;

import id.warta.content.Article;
import id.warta.content.ArticleFilter;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;
import id.warta.content.Edition;
import id.warta.content.Page;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The read side of content: listings, one article, videos. Plain Java; the handler maps it to HTTP. */
final class ArticleReads {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_SLUG_LENGTH = 200;
    private static final int MAX_SECTION_LENGTH = 64;

    private final ContentRepository content;
    private final Clock clock;

    ArticleReads(ContentRepository content, Clock clock) {
        this.content = content;
        this.clock = clock;
    }

    /** Unknown sections and editions are empty feeds, not errors. */
    Map<String, Object> list(Optional<String> section, Optional<String> edition, int limit, Optional<String> cursor) {
        Optional<String> sectionFilter = section.filter(s -> !s.isEmpty());
        Optional<String> editionFilter = edition.filter(e -> !e.isEmpty());
        Optional<Edition> knownEdition = editionFilter.flatMap(Edition::fromWireName);
        boolean unknownFeed = (editionFilter.isPresent() && knownEdition.isEmpty())
                || sectionFilter.map(s -> s.length() > MAX_SECTION_LENGTH).orElse(false);
        Page<ArticleSummary> page = unknownFeed
                ? new Page<>(List.of(), Optional.empty())
                : content.listArticles(new ArticleFilter(sectionFilter, knownEdition), limit, cursor);
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(s -> ArticleJson.summary(s, now)).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        return body;
    }

    Optional<Article> find(String slug) {
        if (slug.length() > MAX_SLUG_LENGTH || !SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return content.findArticle(slug);
    }

    ArticleJson.Full render(Article article, ArticleJson.Access access) {
        return ArticleJson.full(article, access, clock.instant());
    }

    Map<String, Object> videos(int limit) {
        Instant now = clock.instant();
        return Map.of("items", content.latestVideos(limit).stream().map(v -> ArticleJson.video(v, now)).toList());
    }
}
