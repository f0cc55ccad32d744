package id.warta.local;

import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import id.warta.dynamo.DynamoViewLog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The views the ActivityTable holds, read by the harness straight from the emulator (never through
 * a fault proxy), for the view tests' assertions.
 */
final class RecordedViews {
    private final DynamoViewLog log;

    RecordedViews(TestStack stack) {
        this.log = new DynamoViewLog(stack.cloud().dynamo(), new PaywallReaders(stack).table("ACTIVITY_TABLE"));
    }

    /** Views recorded in the hour buckets from {@code from}'s to the current one (a test may straddle an hour). */
    List<View> since(Instant from) {
        List<View> views = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); !hour.isAfter(Instant.now()); hour = hour.plus(1, ChronoUnit.HOURS)) {
            views.addAll(log.viewsInHour(hour));
        }
        return views;
    }

    /** The articles in the reader's history (at most ten). */
    Set<String> history(ReaderKey reader) {
        return log.recentlyViewed(reader, 10);
    }
}
