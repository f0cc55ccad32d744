package id.warta.recommendations;

import id.warta.reader.ReaderKey;
import id.warta.activity.ViewLog;
import id.warta.content.ArticleFilter;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The read side: precomputed lists, minus what this reader already read. One read for the list,
 * one for the reader's history; content is read only when no list was built for the article yet.
 */
public final class Recommendations {
    /** How much of a reader's history is checked (the history holds up to 90 days). */
    static final int HISTORY_CHECKED = 500;
    /** Extra latest articles fetched for the cold-start list, to leave enough after filtering. */
    static final int FALLBACK_HEADROOM = 20;

    private final RecommendationStore store;
    private final ViewLog views;
    private final ContentRepository content;

    public Recommendations(RecommendationStore store, ViewLog views, ContentRepository content) {
        this.store = store;
        this.views = views;
        this.content = content;
    }

    /**
     * Related articles this reader has not read, best first; before the builder listed the article,
     * the latest of its section. Empty when no such article exists.
     */
    public Optional<List<ArticleSummary>> related(String slug, ReaderKey reader, int limit) {
        Optional<List<ArticleSummary>> built = store.related(slug);
        List<ArticleSummary> candidates;
        if (built.isPresent()) {
            candidates = built.get();
        } else {
            Optional<ArticleSummary> article = content.findSummaries(List.of(slug)).stream().findFirst();
            if (article.isEmpty()) {
                return Optional.empty();
            }
            candidates = content.listArticles(new ArticleFilter(Optional.of(article.get().section()), Optional.empty()),
                    limit + FALLBACK_HEADROOM, Optional.empty()).items();
        }
        Set<String> read = views.recentlyViewed(reader, HISTORY_CHECKED);
        return Optional.of(candidates.stream()
                .filter(a -> !a.slug().equals(slug) && !read.contains(a.slug()))
                .limit(limit)
                .toList());
    }

    /** Most viewed in the last 24 hours, overall or in one section; empty before any views. */
    public List<ArticleSummary> trending(Optional<String> section, int limit) {
        return store.trending(section.orElse(RankedList.ALL_SECTIONS)).orElse(List.of()).stream().limit(limit).toList();
    }
}
