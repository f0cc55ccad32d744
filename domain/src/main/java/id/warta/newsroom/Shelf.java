package id.warta.newsroom;

import id.warta.content.Publishable;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the newsroom keeps one kind of content (articles by slug, videos by id). Each write is one
 * conditional single-item write that is safe to retry.
 */
public interface Shelf<T extends Publishable> {

    /** The key's record as stored now (read strongly consistent), unpublished ones included. */
    Optional<Stored<T>> current(String key);

    /**
     * Stores the content under its key if the stored version is still {@code expectedVersion}
     * (empty: if the key has no record yet).
     *
     * @return false when another write came first (nothing was changed)
     */
    boolean put(String key, Stored<T> stored, OptionalLong expectedVersion);

    /** Unpublishes the key's content if its version is still {@code expectedVersion}; false otherwise. */
    boolean unpublish(String key, long expectedVersion, Instant at);
}
