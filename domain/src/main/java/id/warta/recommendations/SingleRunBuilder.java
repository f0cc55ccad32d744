package id.warta.recommendations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One builder run at a time, without reserved concurrency (which fails to deploy in accounts with a
 * low concurrency quota): a run takes the lease for as long as it can run, builds, and gives the
 * lease back; a run that finds the lease held returns at once. Overlapping runs would only redo the
 * same work and race on the checkpoint.
 */
public final class SingleRunBuilder {
    /** What a run that found the lease held reports. */
    public static final String LEASE_HELD = "another run holds the lease";

    private final RecommendationBuilder builder;
    private final RunLease lease;
    private final Clock clock;

    public SingleRunBuilder(RecommendationBuilder builder, RunLease lease, Clock clock) {
        this.builder = builder;
        this.lease = lease;
        this.clock = clock;
    }

    /**
     * Builds unless another run holds the lease.
     *
     * @param runId      the run's identity; the same for a retried run, so that it finds its own lease
     * @param maxRunTime how long the run can live at most (the invocation's remaining time): the
     *                   lease expires then, so a run that dies never blocks the builder for longer
     * @return the report, or empty when another run holds the lease
     */
    public Optional<BuildReport> build(String runId, Duration maxRunTime) {
        Instant now = clock.instant();
        if (!lease.take(runId, now, now.plus(maxRunTime))) {
            return Optional.empty();
        }
        try {
            return Optional.of(builder.build());
        } finally {
            lease.release(runId);
        }
    }
}
