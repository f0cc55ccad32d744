package id.warta.testing;

import id.warta.activity.ViewCeiling;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The ceiling's rule in memory: at most {@code perMinute} takes per network pseudonym (which names its minute). */
public final class InMemoryViewCeiling implements ViewCeiling {
    private final int perMinute;
    private final Map<String, Integer> taken = new ConcurrentHashMap<>();

    public InMemoryViewCeiling(int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    public boolean admits(String network, Instant now) {
        return taken.merge(network, 1, Integer::sum) <= perMinute;
    }
}
