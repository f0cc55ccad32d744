package id.warta.testing;

import id.warta.ratelimit.RateLimitStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Versioned rate-limit items in memory, with the conditional write the Dynamo store makes. */
public final class InMemoryRateLimitStore implements RateLimitStore {
    private final Map<String, Events> items = new HashMap<>();

    @Override
    public synchronized Events read(String key) {
        return items.getOrDefault(key, Events.NONE);
    }

    @Override
    public synchronized boolean replace(String key, Events expected, List<Instant> times, Instant expiresAt) {
        if (read(key).version() != expected.version()) {
            return false;
        }
        items.put(key, new Events(List.copyOf(times), expected.version() + 1));
        return true;
    }
}
