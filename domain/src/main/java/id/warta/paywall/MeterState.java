package id.warta.paywall;

import java.util.Set;

/** What a reader has used in one period: the articles unlocked with a free credit. */
public record MeterState(Set<String> unlocked) {
    public static final MeterState EMPTY = new MeterState(Set.of());

    public MeterState {
        unlocked = Set.copyOf(unlocked);
    }

    public int used() {
        return unlocked.size();
    }
}
