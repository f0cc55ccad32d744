package id.warta.testing;

import id.warta.content.ArticleSummary;
import id.warta.recommendations.RankedList;
import id.warta.recommendations.RecommendationStore;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** The {@link RecommendationStore} contract in memory: for unit tests and the recommendations benchmark. */
public final class InMemoryRecommendationStore implements RecommendationStore {
    private final AtomicReference<Instant> checkpoint = new AtomicReference<>();
    private final Map<Instant, byte[]> hours = new ConcurrentHashMap<>();
    private final Map<String, List<ArticleSummary>> related = new ConcurrentHashMap<>();
    private final Map<String, List<ArticleSummary>> trending = new ConcurrentHashMap<>();

    @Override
    public Optional<Instant> checkpoint() {
        return Optional.ofNullable(checkpoint.get());
    }

    @Override
    public void saveCheckpoint(Instant hour) {
        checkpoint.set(hour);
    }

    @Override
    public void saveHour(Instant hour, byte[] aggregate) {
        hours.put(hour, aggregate.clone());
    }

    @Override
    public Optional<byte[]> hour(Instant hour) {
        return Optional.ofNullable(hours.get(hour)).map(byte[]::clone);
    }

    @Override
    public int saveLists(Collection<RankedList> lists) {
        for (RankedList list : lists) {
            (list.kind() == RankedList.Kind.RELATED ? related : trending).put(list.subject(), list.items());
        }
        return lists.size();
    }

    @Override
    public Optional<List<ArticleSummary>> related(String slug) {
        return Optional.ofNullable(related.get(slug));
    }

    @Override
    public Optional<List<ArticleSummary>> trending(String section) {
        return Optional.ofNullable(trending.get(section));
    }

    /** Total bytes of the stored hourly aggregates. */
    public long storedAggregateBytes() {
        return hours.values().stream().mapToLong(b -> b.length).sum();
    }
}
