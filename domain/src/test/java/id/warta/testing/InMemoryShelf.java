package id.warta.testing;

import id.warta.content.Publishable;
import id.warta.content.Visibility;
import id.warta.newsroom.Shelf;
import id.warta.newsroom.Stored;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** One kind of the newsroom's content in memory, with the store's version checks. */
public final class InMemoryShelf<T extends Publishable> implements Shelf<T> {
    private final Map<String, Stored<T>> stored = new ConcurrentHashMap<>();

    /** Stores the content as published, bypassing the newsroom's rules (for reader-side tests). */
    void save(String key, T content) {
        stored.merge(key, new Stored<>(content, 1, null), (old, fresh) -> new Stored<>(content, old.version() + 1, null));
    }

    /** What readers may see at {@code now}. */
    Stream<T> visible(Instant now) {
        return stored.values().stream()
                .filter(s -> !s.unpublished() && Visibility.visibleAt(s.content().publishedAt(), false, now))
                .map(Stored::content);
    }

    Optional<T> visible(String key, Instant now) {
        return Optional.ofNullable(stored.get(key))
                .filter(s -> !s.unpublished() && Visibility.visibleAt(s.content().publishedAt(), false, now))
                .map(Stored::content);
    }

    @Override
    public Optional<Stored<T>> current(String key) {
        return Optional.ofNullable(stored.get(key));
    }

    @Override
    public synchronized boolean put(String key, Stored<T> next, OptionalLong expectedVersion) {
        Stored<T> current = stored.get(key);
        boolean expected = expectedVersion.isPresent()
                ? current != null && current.version() == expectedVersion.getAsLong()
                : current == null;
        if (expected) {
            stored.put(key, next);
        }
        return expected;
    }

    @Override
    public synchronized boolean unpublish(String key, long expectedVersion, Instant at) {
        Stored<T> current = stored.get(key);
        if (current == null || current.version() != expectedVersion) {
            return false;
        }
        stored.put(key, new Stored<>(null, expectedVersion + 1, at));
        return true;
    }
}
