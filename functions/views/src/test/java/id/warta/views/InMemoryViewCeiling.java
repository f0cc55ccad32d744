package id.warta.views;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The ceiling's rule in memory: at most {@code perMinute} takes per network pseudonym (which names its minute). */
final class InMemoryViewCeiling implements ViewCeiling {
    private final int perMinute;
    private final Map<String, Integer> taken = new ConcurrentHashMap<>();

    InMemoryViewCeiling(int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    public boolean admits(String network, Instant now) {
        return taken.merge(network, 1, Integer::sum) <= perMinute;
    }
}
