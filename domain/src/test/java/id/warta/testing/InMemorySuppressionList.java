package id.warta.testing;

import id.warta.mail.SuppressionList;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The suppression list in memory, with the DynamoDB one's rule: the first suppression of an address stays. */
public final class InMemorySuppressionList implements SuppressionList {
    private final Map<String, Suppression> suppressed = new LinkedHashMap<>();
    /** The next this many reads fail as if the database were unreachable. */
    public int failingReads;

    @Override
    public synchronized boolean suppress(Suppression suppression) {
        return suppressed.putIfAbsent(suppression.address(), suppression) == null;
    }

    @Override
    public synchronized Optional<Suppression> find(String address) {
        if (failingReads > 0) {
            failingReads--;
            throw new IllegalStateException("suppression list unreachable");
        }
        return Optional.ofNullable(suppressed.get(SuppressionList.normalised(address)));
    }

    public synchronized Map<String, Suppression> all() {
        return Map.copyOf(suppressed);
    }
}
