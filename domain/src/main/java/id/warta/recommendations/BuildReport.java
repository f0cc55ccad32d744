package id.warta.recommendations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one builder run did.
 *
 * @param hoursAggregated completed hours read raw and stored as aggregates in this run
 * @param hoursLoaded     completed hours taken from stored aggregates (not re-read)
 * @param viewsRead       raw views read (new completed hours plus the current, unfinished hour)
 * @param windowViews     views counted over the last 24 hours
 * @param windowPairs     co-visitation pairs held for the last 24 hours
 * @param relatedLists    related-article lists built
 * @param trendingLists   trending lists built (overall and per section)
 * @param listsWritten    lists actually written (the store skips those unchanged since its last write)
 */
public record BuildReport(int hoursAggregated, int hoursLoaded, long viewsRead, long windowViews, int windowPairs,
                          int relatedLists, int trendingLists, int listsWritten) {

    /** The report as the function returns and logs it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hoursAggregated", hoursAggregated);
        map.put("hoursLoaded", hoursLoaded);
        map.put("viewsRead", viewsRead);
        map.put("windowViews", windowViews);
        map.put("windowPairs", windowPairs);
        map.put("relatedLists", relatedLists);
        map.put("trendingLists", trendingLists);
        map.put("listsWritten", listsWritten);
        return map;
    }
}
