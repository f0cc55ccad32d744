package id.warta.recommendations;

import id.warta.content.ArticleSummary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The articles lists are built for and from, indexed so that each source is scored only against
 * plausible candidates (co-read, same section, shared tag, trending) instead of the whole pool.
 */
final class CandidatePool {
    /** Newest articles taken per section, per tag and from the top of trending. */
    static final int PER_SIGNAL = 200;

    private final Map<String, ArticleSummary> bySlug = new LinkedHashMap<>();
    private final Map<String, List<ArticleSummary>> bySection;
    private final Map<String, List<ArticleSummary>> byTag = new HashMap<>();
    private final Map<String, Set<String>> coRead;
    private final List<ArticleSummary> trending;

    CandidatePool(Collection<ArticleSummary> articles, ViewCounts window) {
        Comparator<ArticleSummary> newestFirst = Comparator.comparing(ArticleSummary::publishedAt).reversed();
        articles.forEach(a -> bySlug.putIfAbsent(a.slug(), a));
        bySection = bySlug.values().stream().sorted(newestFirst)
                .collect(Collectors.groupingBy(ArticleSummary::section, Collectors.toList()));
        bySlug.values().stream().sorted(newestFirst).forEach(a ->
                a.tags().stream().distinct().forEach(t -> byTag.computeIfAbsent(t, x -> new ArrayList<>()).add(a)));
        coRead = window.coReadWithin(bySlug.keySet());
        trending = bySlug.values().stream().filter(a -> window.views(a.slug()) > 0)
                .sorted(Comparator.comparingInt((ArticleSummary a) -> window.views(a.slug())).reversed()
                        .thenComparing(newestFirst))
                .toList();
    }

    Collection<ArticleSummary> articles() {
        return bySlug.values();
    }

    /** Most viewed first (ties: newest first), only articles viewed in the window. */
    List<ArticleSummary> trending() {
        return trending;
    }

    Collection<ArticleSummary> candidatesFor(ArticleSummary source) {
        Map<String, ArticleSummary> candidates = new LinkedHashMap<>();
        coRead.getOrDefault(source.slug(), Set.of()).forEach(s -> candidates.put(s, bySlug.get(s)));
        bySection.getOrDefault(source.section(), List.of()).stream().limit(PER_SIGNAL)
                .forEach(a -> candidates.putIfAbsent(a.slug(), a));
        source.tags().forEach(t -> byTag.getOrDefault(t, List.of()).stream().limit(PER_SIGNAL)
                .forEach(a -> candidates.putIfAbsent(a.slug(), a)));
        trending.stream().limit(PER_SIGNAL).forEach(a -> candidates.putIfAbsent(a.slug(), a));
        candidates.remove(source.slug());
        return candidates.values();
    }
}
