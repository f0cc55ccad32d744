package id.warta.recommendations;

import id.warta.content.ArticleSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Scores and orders candidate articles for one source article, with {@link RecommendationWeights}. */
public final class RelatedRanker {
    private final RecommendationWeights weights;

    public RelatedRanker(RecommendationWeights weights) {
        this.weights = weights;
    }

    /** The best {@code size} candidates, never the source itself nor a candidate with nothing in common with it. */
    public List<ArticleSummary> rank(ArticleSummary source, Collection<ArticleSummary> candidates, ViewCounts window,
                                     Instant now, int size) {
        double logMaxViews = Math.log1p(window.maxViews());
        record Scored(ArticleSummary article, double score) {
        }
        return candidates.stream()
                .filter(c -> !c.slug().equals(source.slug()))
                .map(c -> new Scored(c, score(source, c, window, logMaxViews, now)))
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparing(s -> s.article().publishedAt(), Comparator.reverseOrder())
                        .thenComparing(s -> s.article().slug()))
                .limit(size)
                .map(Scored::article)
                .toList();
    }

    double score(ArticleSummary source, ArticleSummary candidate, ViewCounts window, double logMaxViews, Instant now) {
        double relevance = weights.coVisitation() * coVisitation(source, candidate, window)
                + weights.sharedTags() * tagOverlap(source, candidate)
                + (source.section().equals(candidate.section()) ? weights.sameSection() : 0)
                + weights.trending() * (logMaxViews == 0 ? 0 : Math.log1p(window.views(candidate.slug())) / logMaxViews);
        return relevance * freshness(candidate, now);
    }

    /** Cosine of the two articles' session sets: popular articles are divided by their own popularity. */
    static double coVisitation(ArticleSummary a, ArticleSummary b, ViewCounts window) {
        int both = window.coViews(a.slug(), b.slug());
        if (both == 0) {
            return 0;
        }
        return Math.min(1, both / Math.sqrt((double) window.views(a.slug()) * window.views(b.slug())));
    }

    static double tagOverlap(ArticleSummary a, ArticleSummary b) {
        if (a.tags().isEmpty() || b.tags().isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(a.tags());
        union.addAll(b.tags());
        long shared = a.tags().stream().distinct().filter(b.tags()::contains).count();
        return (double) shared / union.size();
    }

    private double freshness(ArticleSummary candidate, Instant now) {
        double ageHours = Math.max(0, Duration.between(candidate.publishedAt(), now).toSeconds() / 3600.0);
        double decay = Math.pow(2, -ageHours / weights.recencyHalfLifeHours());
        return weights.recencyFloor() + (1 - weights.recencyFloor()) * decay;
    }
}
