package id.warta.recommendations;

import java.time.Instant;

/** A taken {@link RunLease}: the run that holds it and the moment it expires (the latest that run can still be alive). */
public record Lease(String holder, Instant expiresAt) {

    /** Whether this run may take the lease now: it is its own lease (a retried take), or its holder's time is up. */
    public boolean freeFor(String runId, Instant now) {
        return holder.equals(runId) || !now.isBefore(expiresAt);
    }
}
