package id.warta.testing;

import id.warta.metrics.Measurements;
import id.warta.metrics.Metrics;

import java.util.ArrayList;
import java.util.List;

/** Keeps every published record, for tests that assert what a run measured. */
public final class RecordingMetrics implements Metrics {
    private final List<Measurements> published = new ArrayList<>();

    @Override
    public void publish(Measurements measurements) {
        published.add(measurements);
    }

    public List<Measurements> published() {
        return List.copyOf(published);
    }
}
