package id.warta.recommendations;

import id.warta.activity.View;
import id.warta.activity.ViewLog;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds related-article and trending lists. Each completed hour of views is read raw exactly
 * once, reduced to a {@link ViewCounts} aggregate and stored with a checkpoint; a run then merges
 * the stored aggregates of the last 24 hours with the raw views of the current, unfinished hour.
 * The cost of a run therefore follows the traffic of the last hour, not the size of the table, and
 * its memory is bounded by the pair cap per hour times 24.
 */
public final class RecommendationBuilder {
    /** Stored related lists are longer than any read asks for, so that hiding what a reader already read leaves enough. */
    public static final int RELATED_LIST_SIZE = 30;
    public static final int TRENDING_LIST_SIZE = 20;
    static final int WINDOW_HOURS = 24;
    /** A view bucket is final this long after its hour ends (writes in flight land late). */
    static final Duration SETTLE = Duration.ofMinutes(2);
    /** "Recent" articles get lists whether or not anybody read them yet (cold start). */
    static final Duration RECENT = Duration.ofDays(7);
    static final int MAX_RECENT_ARTICLES = 3000;
    /** Older articles still being read get lists too, the most viewed first. */
    static final int MAX_VIEWED_ARTICLES = 2000;

    private final ViewLog views;
    private final ContentRepository content;
    private final RecommendationStore store;
    private final RelatedRanker ranker;
    private final Clock clock;

    public RecommendationBuilder(ViewLog views, ContentRepository content, RecommendationStore store,
                                 RecommendationWeights weights, Clock clock) {
        this.views = views;
        this.content = content;
        this.store = store;
        this.ranker = new RelatedRanker(weights);
        this.clock = clock;
    }

    public BuildReport build() {
        Instant now = clock.instant();
        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant lastCompleteHour = now.minus(SETTLE).truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        Instant checkpoint = store.checkpoint().orElse(Instant.MIN);
        ViewCounts window = new ViewCounts();
        int aggregated = 0;
        int loaded = 0;
        long viewsRead = 0;
        for (Instant hour = currentHour.minus(WINDOW_HOURS - 1, ChronoUnit.HOURS); !hour.isAfter(currentHour);
             hour = hour.plus(1, ChronoUnit.HOURS)) {
            boolean complete = !hour.isAfter(lastCompleteHour);
            boolean aggregatedBefore = !hour.isAfter(checkpoint);
            Optional<byte[]> stored = complete && aggregatedBefore ? store.hour(hour) : Optional.empty();
            if (stored.isPresent()) {
                window.add(ViewCounts.decode(stored.get()));
                loaded++;
                continue;
            }
            // New hours, the unfinished ones, and any stored hour that is gone (raw views are kept 90 days).
            List<View> raw = views.viewsInHour(hour);
            viewsRead += raw.size();
            ViewCounts counts = ViewCounts.ofHour(raw);
            if (complete) {
                store.saveHour(hour, counts.encode());
                if (!aggregatedBefore) {
                    store.saveCheckpoint(hour);
                    checkpoint = hour;
                }
                aggregated++;
            }
            window.add(counts);
        }
        CandidatePool pool = new CandidatePool(articlesToList(window, now), window);
        List<RankedList> lists = new ArrayList<>();
        for (ArticleSummary source : pool.articles()) {
            lists.add(RankedList.related(source.slug(),
                    ranker.rank(source, pool.candidatesFor(source), window, now, RELATED_LIST_SIZE)));
        }
        int relatedLists = lists.size();
        lists.addAll(trendingLists(pool.trending()));
        int written = store.saveLists(lists);
        return new BuildReport(aggregated, loaded, viewsRead, window.totalViews(), window.pairCount(),
                relatedLists, lists.size() - relatedLists, written);
    }

    private List<ArticleSummary> articlesToList(ViewCounts window, Instant now) {
        Map<String, ArticleSummary> articles = new LinkedHashMap<>();
        content.publishedSince(now.minus(RECENT), MAX_RECENT_ARTICLES).forEach(a -> articles.put(a.slug(), a));
        Set<String> missing = new HashSet<>(window.mostViewed(MAX_VIEWED_ARTICLES));
        missing.removeAll(articles.keySet());
        if (!missing.isEmpty()) {
            content.findSummaries(missing).forEach(a -> articles.put(a.slug(), a));
        }
        return List.copyOf(articles.values());
    }

    private static List<RankedList> trendingLists(List<ArticleSummary> mostViewed) {
        List<RankedList> lists = new ArrayList<>();
        lists.add(RankedList.trending(RankedList.ALL_SECTIONS, mostViewed.stream().limit(TRENDING_LIST_SIZE).toList()));
        Map<String, List<ArticleSummary>> bySection = new LinkedHashMap<>();
        mostViewed.forEach(a -> bySection.computeIfAbsent(a.section(), s -> new ArrayList<>()).add(a));
        bySection.forEach((section, articles) ->
                lists.add(RankedList.trending(section, articles.stream().limit(TRENDING_LIST_SIZE).toList())));
        return lists;
    }
}
