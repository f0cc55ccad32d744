package id.warta.paywall;

/** Spends free credits: the one write of the paywall. */
public interface MeterUnlocks {

    /**
     * What an unlock came to.
     *
     * @param meter       the meter after the attempt; it contains the slug exactly when the article is unlocked
     * @param creditSpent whether this attempt spent the credit (false when the article was unlocked
     *                    already, no credit was left, or a retried write found its own earlier success)
     */
    record Attempt(MeterState meter, boolean creditSpent) {
    }

    /**
     * Unlocks the article for the reader for the period with one credit, atomically: only if it is
     * not unlocked yet and fewer than {@code freeArticlesPerMonth} articles are. Repeating it, or racing it, never
     * spends a second credit nor goes past the limit.
     */
    Attempt unlock(String accountId, MeterPeriod period, String slug, int freeArticlesPerMonth);
}
