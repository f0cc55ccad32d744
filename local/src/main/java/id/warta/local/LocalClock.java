package id.warta.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local stack's time: the machine's clock plus an offset that a test may only increase, so a
 * scheduled moment can be reached at once instead of waited for. Every function of the stack reads
 * this one clock (as every Lambda container reads the same time), and since it never goes backwards
 * and only ever jumps as far as a test needs, the other tests sharing the stack see no more than a
 * clock that ran a few seconds fast.
 */
public final class LocalClock extends Clock {
    private final AtomicLong offsetNanos = new AtomicLong();

    @Override
    public Instant instant() {
        return Instant.now().plusNanos(offsetNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The local stack keeps its time in UTC");
    }

    /** Moves the clock forward so that it reads at least {@code moment} now; a moment already passed changes nothing. */
    public void advanceTo(Instant moment) {
        offsetNanos.accumulateAndGet(Duration.between(Instant.now(), moment).toNanos(), Math::max);
    }

    /** How far ahead of the machine's clock this one runs. */
    public Duration offset() {
        return Duration.ofNanos(offsetNanos.get());
    }
}
