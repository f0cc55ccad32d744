package id.warta.recommendations;

/**
 * The one place where the signals of "related articles" are weighed against each other. A
 * candidate's score for a source article is
 * <pre>
 *   (coVisitation * cosine(co-views) + sharedTags * jaccard(tags) + sameSection * [same section]
 *        + trending * log-scaled 24 h views)
 *   * (recencyFloor + (1 - recencyFloor) * 2^(-age hours / recencyHalfLifeHours))
 * </pre>
 * Every signal is in [0, 1] before weighting, so the weights read as "how much one full unit of
 * this signal is worth".
 *
 * @param coVisitation         readers-also-read: readers who read the source in one session also read
 *                             the candidate. Normalised by cosine, {@code co / sqrt(views(a) * views(b))},
 *                             so an article everybody reads does not become everybody's neighbour.
 *                             The strongest signal: real behaviour beats metadata.
 * @param sharedTags           Jaccard overlap of the two articles' tags (same story, same people).
 * @param sameSection          same section; weaker than tags, which are more specific.
 * @param trending             how much the last 24 h views of the candidate lift it, log-scaled against
 *                             the most viewed article; small, a tie-breaker among related candidates.
 * @param recencyHalfLifeHours news ages in hours: a candidate's score halves every this many hours of age.
 * @param recencyFloor         the share of the score an old candidate keeps however old it is, so a
 *                             strongly related background piece still shows up.
 */
public record RecommendationWeights(double coVisitation, double sharedTags, double sameSection, double trending,
                                    double recencyHalfLifeHours, double recencyFloor) {

    public static final RecommendationWeights DEFAULT = new RecommendationWeights(1.0, 0.35, 0.15, 0.1, 24, 0.2);

    public RecommendationWeights {
        if (recencyHalfLifeHours <= 0 || recencyFloor < 0 || recencyFloor > 1) {
            throw new IllegalArgumentException("recency half-life must be positive and floor in [0, 1]");
        }
    }
}
