package id.warta.recommendations;

import id.warta.content.ArticleSummary;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The builder's output and its own bookkeeping: precomputed lists (what the read routes serve), the
 * compact aggregate of every completed hour of views, and the checkpoint (the last hour aggregated).
 */
public interface RecommendationStore {

    /** The last hour whose aggregate is stored, if the builder ever ran. */
    Optional<Instant> checkpoint();

    void saveCheckpoint(Instant hour);

    /** Stores the encoded aggregate of one completed hour (see {@link HourlyViews#encode()}). */
    void saveHour(Instant hour, byte[] aggregate);

    Optional<byte[]> hour(Instant hour);

    /**
     * Stores every list, each as one item, in batches; a store may skip lists identical to what it
     * holds. Returns how many items were written.
     */
    int saveLists(Collection<RankedList> lists);

    /** The precomputed related articles of this slug, best first; empty when none was built. */
    Optional<List<ArticleSummary>> related(String slug);

    /** The precomputed trending articles of a section (or {@link RankedList#ALL_SECTIONS}), most viewed first. */
    Optional<List<ArticleSummary>> trending(String section);
}
