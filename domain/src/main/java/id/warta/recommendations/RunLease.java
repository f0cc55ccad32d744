package id.warta.recommendations;

import java.time.Instant;

/**
 * The builder's single-run guarantee: at most one run holds the lease at a time, and a run that
 * dies holds it only until it expires. Every implementation keeps the rules of {@link Lease}.
 */
public interface RunLease {

    /**
     * Takes the lease for this run until {@code expiresAt}, in one atomic step, where
     * {@link Lease#freeFor} allows it: nobody holds it, its holder's time is up, or this run already
     * holds it (so a retried take succeeds again). False while another run holds it.
     */
    boolean take(String runId, Instant now, Instant expiresAt);

    /** Gives the lease back if this run still holds it; a lease taken over after it expired stays with its new holder. */
    void release(String runId);
}
