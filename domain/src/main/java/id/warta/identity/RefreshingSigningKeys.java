package id.warta.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The key set read once per container and kept for a refresh interval, so that a rotation reaches
 * every container within that interval without a read per request. A token naming a key id the set
 * lacks (a key added moments ago) makes an early read, at most once per {@code earlyReadFloor}, so a
 * flood of made-up key ids never becomes a flood of reads.
 * <p>
 * The age is measured on the wall clock, never {@code System.nanoTime}: a set read while SnapStart
 * primed the function is frozen in the snapshot, and only the wall clock moves between the snapshot
 * and a restore, so a set restored later than one interval after its read is read again before use.
 * A failed refresh keeps the set read before (the rotation runbook's waits leave room for it) and is
 * not retried sooner than the floor; only a container that never read the set fails its request.
 */
public final class RefreshingSigningKeys implements SigningKeyRing {
    private final Supplier<SigningKeys> source;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Duration earlyReadFloor;
    private SigningKeys keys;
    private Instant readAt;
    private Instant lastAttempt;

    /**
     * @param source          reads the current set (the adapter's call to the secret store)
     * @param refreshInterval how long a read set is used before it is read again
     * @param earlyReadFloor  the shortest time between two reads made early (unknown key id, failed read)
     */
    public RefreshingSigningKeys(Supplier<SigningKeys> source, Clock clock, Duration refreshInterval, Duration earlyReadFloor) {
        if (refreshInterval.isNegative() || earlyReadFloor.isNegative()) {
            throw new IllegalArgumentException("Refresh intervals cannot be negative");
        }
        this.source = source;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        this.earlyReadFloor = earlyReadFloor;
    }

    @Override
    public synchronized SigningKey signer() {
        return current(clock.instant()).signer();
    }

    @Override
    public synchronized Optional<SigningKey> verifier(String keyId) {
        Instant now = clock.instant();
        Optional<SigningKey> key = current(now).verifier(keyId);
        if (key.isEmpty() && keyId != null && mayReadEarly(now)) {
            key = readOrKeep(now).verifier(keyId);
        }
        return key;
    }

    private SigningKeys current(Instant now) {
        if (keys == null) {
            return read(now);
        }
        // A clock that went backwards (a snapshot restored on another host) counts as stale too.
        boolean stale = !now.isBefore(readAt.plus(refreshInterval)) || now.isBefore(readAt);
        return stale && mayReadEarly(now) ? readOrKeep(now) : keys;
    }

    private boolean mayReadEarly(Instant now) {
        return !now.isBefore(lastAttempt.plus(earlyReadFloor)) || now.isBefore(lastAttempt);
    }

    private SigningKeys readOrKeep(Instant now) {
        try {
            return read(now);
        } catch (RuntimeException unavailable) {
            return keys;
        }
    }

    private SigningKeys read(Instant now) {
        lastAttempt = now;
        SigningKeys read = source.get();
        keys = read;
        readAt = now;
        return read;
    }
}
