package id.warta.local.faults;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One rule of a {@link FaultProxy}: which requests, what fault (none for a watch), and for how many
 * of them. {@link #hits()} counts the requests it applied to; closing it removes it and lets go of
 * any request it holds.
 */
public final class FaultRule implements AutoCloseable {
    private final Match when;
    private final Fault fault;
    private final int budget;
    private final Consumer<FaultRule> onClose;
    private final CountDownLatch released = new CountDownLatch(1);
    private int hits;

    FaultRule(Match when, Fault fault, int budget, Consumer<FaultRule> onClose) {
        if (budget < 1) {
            throw new IllegalArgumentException("A rule applies to at least one request");
        }
        this.when = when;
        this.fault = fault;
        this.budget = budget;
        this.onClose = onClose;
    }

    /** The fault, or null when this rule only counts. */
    Fault fault() {
        return fault;
    }

    /** Counts the request against this rule if it matches and the rule has budget left. */
    synchronized boolean apply(ProxiedRequest request) {
        if (hits >= budget || released.getCount() == 0 || !when.matches(request)) {
            return false;
        }
        hits++;
        notifyAll();
        return true;
    }

    /** How many requests this rule has applied to so far. */
    public synchronized int hits() {
        return hits;
    }

    /** Waits until the rule has applied to {@code count} requests; false if the timeout came first. */
    public synchronized boolean awaitHits(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (hits < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    void awaitRelease() throws InterruptedException {
        released.await();
    }

    /** Removes the rule; requests it holds go on to the emulator. */
    @Override
    public void close() {
        released.countDown();
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return (fault == null ? "watch" : fault.toString()) + " on " + when + " (" + hits() + " hits)";
    }
}
