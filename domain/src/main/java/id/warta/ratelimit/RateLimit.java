package id.warta.ratelimit;

import id.warta.hashing.KeyedHash;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Sliding-window limits ("at most N events per window", several windows at once) for one kind of
 * event, keyed by subject. Subjects (email and client addresses) are hashed under a key of the
 * server's before they become keys ({@link #subjectHashes}), so no address is stored, nor can one be
 * found from its key by hashing guesses.
 */
public final class RateLimit {
    private static final int WRITE_ATTEMPTS = 3;

    public record Window(int maxEvents, Duration length) {
    }

    private final String name;
    private final List<Window> windows;
    private final RateLimitStore store;
    private final KeyedHash subjects;
    private final Clock clock;
    private final Duration longest;

    /** @param subjects {@link #subjectHashes} of the server key */
    public RateLimit(String name, List<Window> windows, RateLimitStore store, KeyedHash subjects, Clock clock) {
        this.name = name;
        this.windows = List.copyOf(windows);
        this.store = store;
        this.subjects = subjects;
        this.clock = clock;
        this.longest = windows.stream().map(Window::length).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** How the rate limits hash their subjects under the server key. */
    public static KeyedHash subjectHashes(String serverKey) {
        return new KeyedHash(serverKey, "warta/rate-limit-subjects/v1");
    }

    /** How long the subject must wait before its next event is allowed; empty when it is allowed now. */
    public Optional<Duration> retryAfter(String subject) {
        return retryAfter(store.read(key(subject)).times(), clock.instant());
    }

    /**
     * Records an event if the limits allow it. A lost race with a concurrent writer is re-read and
     * re-checked; only a subject under constant contention is refused for the shortest window.
     *
     * @return empty when the event was recorded, else the time to wait
     */
    public Optional<Duration> tryAcquire(String subject) {
        return write(subject, true).retryAfter();
    }

    /**
     * Records an event if the limits allow it, then does the work it stands for. When the work
     * fails, the event is taken back, so that the limit is charged only for work that was done
     * and the subject may retry at once.
     *
     * @return empty when the work was done, else the time to wait (and nothing was done)
     */
    public Optional<Duration> tryAcquireFor(String subject, Runnable work) {
        Written written = write(subject, true);
        if (written.retryAfter().isPresent()) {
            return written.retryAfter();
        }
        try {
            work.run();
        } catch (RuntimeException failed) {
            try {
                release(key(subject), written.at());
            } catch (RuntimeException releaseFailed) {
                // The same outage, most likely: the subject waits out this one event's windows.
                failed.addSuppressed(releaseFailed);
            }
            throw failed;
        }
        return Optional.empty();
    }

    /** Records an event whatever the limits say (a failed login is a fact, not a request). */
    public void record(String subject) {
        write(subject, false);
    }

    /** An event recorded at {@code at}, or the wait that kept it from being recorded. */
    private record Written(Instant at, Optional<Duration> retryAfter) {
    }

    private Written write(String subject, boolean onlyIfAllowed) {
        String key = key(subject);
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            // Stored in milliseconds: truncated here so that the event can be found again to release it.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            RateLimitStore.Events current = store.read(key);
            List<Instant> recent = recent(current.times(), now);
            Optional<Duration> wait = retryAfter(recent, now);
            if (onlyIfAllowed && wait.isPresent()) {
                return new Written(null, wait);
            }
            recent.add(now);
            if (store.replace(key, current, recent, now.plus(longest))) {
                return new Written(now, Optional.empty());
            }
        }
        return new Written(null, Optional.of(windows.stream().map(Window::length).min(Comparator.naturalOrder()).orElseThrow()));
    }

    /** Takes one event at {@code at} back out (if a concurrent writer has not pruned it already). */
    private void release(String key, Instant at) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            RateLimitStore.Events current = store.read(key);
            List<Instant> remaining = new ArrayList<>(current.times());
            if (!remaining.remove(at)) {
                return;
            }
            if (store.replace(key, current, remaining, clock.instant().plus(longest))) {
                return;
            }
        }
    }

    private String key(String subject) {
        return name + "#" + subjects.hex(subject);
    }

    private List<Instant> recent(List<Instant> times, Instant now) {
        Instant horizon = now.minus(longest);
        List<Instant> recent = new ArrayList<>();
        times.stream().filter(t -> t.isAfter(horizon)).sorted().forEach(recent::add);
        return recent;
    }

    private Optional<Duration> retryAfter(List<Instant> times, Instant now) {
        Instant allowedAt = now;
        for (Window window : windows) {
            List<Instant> inWindow = times.stream().filter(t -> t.isAfter(now.minus(window.length()))).sorted().toList();
            if (inWindow.size() >= window.maxEvents()) {
                // The window frees up when the event that fills it from below leaves it.
                Instant freed = inWindow.get(inWindow.size() - window.maxEvents()).plus(window.length());
                if (freed.isAfter(allowedAt)) {
                    allowedAt = freed;
                }
            }
        }
        return allowedAt.isAfter(now) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }
}
