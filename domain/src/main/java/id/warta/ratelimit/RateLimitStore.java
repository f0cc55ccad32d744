package id.warta.ratelimit;

import java.time.Instant;
import java.util.List;

/**
 * The recent events of one rate-limit subject, replaced with optimistic concurrency (a version
 * checked by a conditional write), so that limits hold across concurrent Lambda instances.
 */
public interface RateLimitStore {

    record Events(List<Instant> times, long version) {
        public static final Events NONE = new Events(List.of(), 0);
    }

    Events read(String key);

    /** Writes {@code times} if the stored version is still {@code expected.version()}; false otherwise. */
    boolean replace(String key, Events expected, List<Instant> times, Instant expiresAt);
}
