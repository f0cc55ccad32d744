package id.warta.paywall;

import id.warta.content.AccessLevel;
import id.warta.metrics.Dimension;
import id.warta.metrics.Measurements;
import id.warta.metrics.Metric;
import id.warta.metrics.Metrics;

/**
 * The paywall's business metrics (README: the metric contract): every read of an article by its
 * access level and the reason of the decision ({@code ArticleReads}), and every view of a metered
 * article by how its unlock ended ({@code Unlocks}). The dimension values are enum names only: never
 * a slug or a reader.
 */
public final class PaywallMetrics {
    /** Access granted: the article is shown in full. */
    static final String GRANTED = "GRANTED";
    /** Not granted, but a free credit would unlock it (the decision's reason is null). */
    static final String UNLOCKABLE = "UNLOCKABLE";
    /** A view that needed no credit: the article was unlocked earlier this period, or the reader subscribes. */
    static final String NOT_NEEDED = "NOT_NEEDED";

    private final Metrics metrics;

    public PaywallMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    /** A read answered with the article, as {@link AccessPolicy#decide} decided it. */
    public void read(Access access) {
        metrics.publish(Measurements.by(Dimension.ACCESS_LEVEL, access.level().name())
                .and(Dimension.REASON, reasonOf(access))
                .put(Metric.ARTICLE_READS, 1));
    }

    /**
     * A view, with the access after it; only a view of a metered article by a reader who is not a
     * crawler is an unlock (or its refusal).
     *
     * @param creditSpent whether this view spent a credit on the article
     */
    public void view(Access access, boolean crawler, boolean creditSpent) {
        if (crawler || access.level() != AccessLevel.METERED) {
            return;
        }
        String outcome = creditSpent ? GRANTED : access.granted() ? NOT_NEEDED : reasonOf(access);
        metrics.publish(Measurements.by(Dimension.OUTCOME, outcome).put(Metric.UNLOCKS, 1));
    }

    private static String reasonOf(Access access) {
        if (access.granted()) {
            return GRANTED;
        }
        return access.reason() == null ? UNLOCKABLE : access.reason().name();
    }
}
