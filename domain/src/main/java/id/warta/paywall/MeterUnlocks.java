package id.warta.paywall;

/** Spends free credits: the one write of the paywall. */
public interface MeterUnlocks {

    /**
     * Unlocks the article for the reader for the period with one credit, atomically: only if it is
     * not unlocked yet and fewer than {@code freeArticlesPerMonth} articles are. Repeating it, or racing it, never
     * spends a second credit nor goes past the limit.
     *
     * @return the meter after the attempt; it contains {@code slug} exactly when the article is unlocked
     */
    MeterState unlock(String accountId, MeterPeriod period, String slug, int freeArticlesPerMonth);
}
