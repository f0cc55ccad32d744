package id.warta.testing;

import id.warta.recommendations.Lease;
import id.warta.recommendations.RunLease;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The {@link RunLease} contract in memory: one compare-and-set per take, as one conditional write does it. */
public final class InMemoryRunLease implements RunLease {
    private final AtomicReference<Lease> held = new AtomicReference<>();

    @Override
    public boolean take(String runId, Instant now, Instant expiresAt) {
        Lease taken = new Lease(runId, expiresAt);
        Lease current;
        do {
            current = held.get();
            if (current != null && !current.freeFor(runId, now)) {
                return false;
            }
        } while (!held.compareAndSet(current, taken));
        return true;
    }

    @Override
    public void release(String runId) {
        held.updateAndGet(lease -> lease != null && lease.holder().equals(runId) ? null : lease);
    }
}
