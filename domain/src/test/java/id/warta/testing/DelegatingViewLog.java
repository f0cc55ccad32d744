package id.warta.testing;

import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import id.warta.activity.ViewLog;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A {@link ViewLog} that forwards everything, for a test to step into one call (hold a run mid-build, fail a read). */
public class DelegatingViewLog implements ViewLog {
    private final ViewLog delegate;

    public DelegatingViewLog(ViewLog delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean record(View view) {
        return delegate.record(view);
    }

    @Override
    public List<View> viewsInHour(Instant hour) {
        return delegate.viewsInHour(hour);
    }

    @Override
    public Set<String> recentlyViewed(ReaderKey reader, int limit) {
        return delegate.recentlyViewed(reader, limit);
    }
}
