package id.warta.testing;

import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import id.warta.activity.ViewLog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link ViewLog} contract in memory, hour-bucketed like the DynamoDB one: for unit tests and
 * the recommendations benchmark. Counts the buckets read, so a test can prove what a run touched.
 */
public final class InMemoryViewLog implements ViewLog {
    private final Map<Instant, List<View>> hours = new ConcurrentHashMap<>();
    private final Map<ReaderKey, Set<String>> histories = new ConcurrentHashMap<>();
    private final List<Instant> hoursRead = new CopyOnWriteArrayList<>();
    private final Set<String> counted = ConcurrentHashMap.newKeySet();

    @Override
    public boolean record(View view) {
        Instant hour = view.at().truncatedTo(ChronoUnit.HOURS);
        if (!counted.add(hour + "#" + view.reader().value() + "#" + view.slug())) {
            return false;
        }
        hours.computeIfAbsent(hour, h -> new CopyOnWriteArrayList<>()).add(view);
        if (!view.reader().isAnonymous()) {
            histories.computeIfAbsent(view.reader(), r -> ConcurrentHashMap.newKeySet()).add(view.slug());
        }
        return true;
    }

    /** Bulk loading for the benchmark: replaces the hour's bucket; no per-view history, no copy-on-write cost. */
    public void recordAll(Instant hour, List<View> views) {
        hours.put(hour.truncatedTo(ChronoUnit.HOURS), List.copyOf(views));
    }

    /** Drops an hour's bucket from memory (the benchmark's stand-in for views a run never reads again). */
    public void discardHour(Instant hour) {
        hours.remove(hour.truncatedTo(ChronoUnit.HOURS));
    }

    @Override
    public List<View> viewsInHour(Instant hour) {
        hoursRead.add(hour);
        return new ArrayList<>(hours.getOrDefault(hour.truncatedTo(ChronoUnit.HOURS), List.of()));
    }

    @Override
    public Set<String> recentlyViewed(ReaderKey reader, int limit) {
        return histories.getOrDefault(reader, Set.of()).stream().limit(limit)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }

    /** Every hour bucket read so far, in order. */
    public List<Instant> hoursRead() {
        return List.copyOf(hoursRead);
    }
}
