package id.warta.recommendations;

import id.warta.reader.ReaderKey;
import id.warta.activity.ViewLog;
import id.warta.content.ArticleFilter;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The read side: precomputed lists, minus what this reader already read and what readers may no
 * longer see. One read for the list, one for the reader's history, and one batch of the listed
 * articles' current summaries: a list built before an article was unpublished (or corrected) answers
 * without it (with the correction) at once, and the next build drops it.
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
        Set<String> read = views.recentlyViewed(reader, HISTORY_CHECKED);
        if (built.isPresent()) {
            List<String> slugs = new ArrayList<>();
            slugs.add(slug);
            built.get().stream().map(ArticleSummary::slug).filter(s -> !read.contains(s)).forEach(slugs::add);
            Map<String, ArticleSummary> visible = visible(slugs);
            if (!visible.containsKey(slug)) {
                return Optional.empty();
            }
            candidates = slugs.stream().skip(1).map(visible::get).filter(Objects::nonNull).toList();
        } else {
            Optional<ArticleSummary> article = content.findSummaries(List.of(slug)).stream().findFirst();
            if (article.isEmpty()) {
                return Optional.empty();
            }
            candidates = content.listArticles(new ArticleFilter(Optional.of(article.get().section()), Optional.empty()),
                    limit + FALLBACK_HEADROOM, Optional.empty()).items();
        }
        return Optional.of(candidates.stream()
                .filter(a -> !a.slug().equals(slug) && !read.contains(a.slug()))
                .limit(limit)
                .toList());
    }

    /** Most viewed in the last 24 hours, overall or in one section; empty before any views. */
    public List<ArticleSummary> trending(Optional<String> section, int limit) {
        List<ArticleSummary> listed = store.trending(section.orElse(RankedList.ALL_SECTIONS)).orElse(List.of());
        Map<String, ArticleSummary> visible = visible(listed.stream().map(ArticleSummary::slug).toList());
        return listed.stream().map(s -> visible.get(s.slug())).filter(Objects::nonNull).limit(limit).toList();
    }

    /** The current summaries of those of these articles readers may see now, by slug. */
    private Map<String, ArticleSummary> visible(List<String> slugs) {
        return slugs.isEmpty() ? Map.of() : content.findSummaries(slugs).stream()
                .collect(Collectors.toMap(ArticleSummary::slug, Function.identity(), (a, b) -> a));
    }
}
