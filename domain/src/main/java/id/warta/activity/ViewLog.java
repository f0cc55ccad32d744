package id.warta.activity;

import id.warta.reader.ReaderKey;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Recorded views. Writes spread over time buckets and shards so a viral article never makes a hot
 * item; the recommendations job reads only the buckets since its last run.
 */
public interface ViewLog {

    /**
     * Records the view and adds the article to the reader's history, once per reader, article and
     * (UTC) hour: trending and recommendations count a reader's repeated views of one article in one
     * hour as one.
     *
     * @return true when this view was counted, false when this reader's view of the article had
     * already been counted this hour
     */
    boolean record(View view);

    /** Every view recorded in the given hour bucket (all shards), in no particular order. */
    List<View> viewsInHour(Instant hour);

    /** Slugs this reader viewed in the last 90 days (at most {@code limit}). */
    Set<String> recentlyViewed(ReaderKey reader, int limit);
}
