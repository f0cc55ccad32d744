package id.warta.bench.recommendations;

import id.warta.testing.InMemoryRecommendationStore;
import id.warta.testing.InMemoryViewLog;
import id.warta.recommendations.BuildReport;
import id.warta.recommendations.RecommendationBuilder;
import id.warta.recommendations.RecommendationWeights;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the recommendations builder's cost grows with traffic (bin/bench-recommendations). For each
 * size, a day of synthetic views over 10,000 articles goes into in-memory stores behind the
 * builder's own interfaces; then the builder runs cold (no checkpoint: every hour of the day is
 * aggregated) and once more an hour later (steady state: one new hour plus the unfinished one).
 * A second table runs a whole day hour by hour at up to 10 million views a day, as production
 * does: each run aggregates the hour just completed and reads the first quarter of the current one;
 * raw hours already aggregated are dropped from memory, as a run never reads them again.
 * Prints markdown tables. Peak heap is sampled above the baseline of the stored views themselves.
 */
public final class RecommendationsBenchmark {
    private static final int ARTICLES = 10_000;
    private static final List<Integer> SIZES = List.of(250_000, 500_000, 1_000_000);
    private static final List<Integer> DAILY_TRAFFIC = List.of(1_000_000, 5_000_000, 10_000_000);
    private static final Instant NOW = Instant.parse("2026-11-26T12:30:00Z");

    private RecommendationsBenchmark() {
    }

    public static void main(String[] args) {
        run(100_000);
        System.out.println("| views (24 h) | readers | cold run | views/s (cold) | peak heap above stored data | pairs kept (24 h) | stored aggregates | lists written | next-hour run |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int size : SIZES) {
            System.out.println(run(size).markdownRow());
        }
        System.out.println();
        System.out.println("Steady state: one run per hour of a whole day, the last run with 23 stored hours + 1 new + the current quarter.");
        System.out.println();
        System.out.println("| views / day | raw views read per run | mean run | last run | last run peak heap | pairs kept (24 h) | stored aggregates (24 h) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int daily : DAILY_TRAFFIC) {
            System.out.println(steadyState(daily));
        }
        System.out.printf("%nJava %s, %d CPUs, max heap %d MB; %d articles; weights %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, ARTICLES,
                RecommendationWeights.DEFAULT);
    }

    private record Result(int views, int readers, Duration cold, long peakBytes, BuildReport report, long storedBytes,
                          Duration nextHour) {
        String markdownRow() {
            return "| %,d | %,d | %.2f s | %,.0f | %,d MB | %,d | %,d KB | %,d | %.2f s |".formatted(views, readers,
                    cold.toMillis() / 1000.0, views / Math.max(0.001, cold.toMillis() / 1000.0), peakBytes >> 20,
                    report.windowPairs(), storedBytes >> 10, report.relatedLists() + report.trendingLists(),
                    nextHour.toMillis() / 1000.0);
        }
    }

    private static Result run(int views) {
        Random random = new Random(42);
        SyntheticContent content = new SyntheticContent(ARTICLES, NOW, random);
        SyntheticViews traffic = new SyntheticViews(content, views, NOW, random);
        InMemoryViewLog log = new InMemoryViewLog();
        InMemoryRecommendationStore store = new InMemoryRecommendationStore();
        Instant currentHour = NOW.truncatedTo(ChronoUnit.HOURS);
        int perHour = views / 24;
        for (int h = 23; h >= 0; h--) {
            Instant from = currentHour.minus(h, ChronoUnit.HOURS);
            traffic.addHour(log, from, h == 0 ? NOW : from.plus(1, ChronoUnit.HOURS), perHour);
        }

        PeakHeap peak = PeakHeap.start();
        long started = System.nanoTime();
        BuildReport report = builder(log, content, store, NOW).build();
        Duration cold = Duration.ofNanos(System.nanoTime() - started);
        long peakBytes = peak.stop();

        Instant later = NOW.plus(1, ChronoUnit.HOURS);
        traffic.addHour(log, currentHour, currentHour.plus(1, ChronoUnit.HOURS), perHour);
        traffic.addHour(log, currentHour.plus(1, ChronoUnit.HOURS), later, perHour / 2);
        started = System.nanoTime();
        builder(log, content, store, later).build();
        Duration nextHour = Duration.ofNanos(System.nanoTime() - started);
        return new Result(views, traffic.readerCount(), cold, peakBytes, report, store.storedAggregateBytes(), nextHour);
    }

    private static String steadyState(int viewsPerDay) {
        Random random = new Random(7);
        Instant end = NOW.truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(24, ChronoUnit.HOURS);
        SyntheticContent content = new SyntheticContent(ARTICLES, end, random);
        SyntheticViews traffic = new SyntheticViews(content, viewsPerDay, end, random);
        InMemoryViewLog log = new InMemoryViewLog();
        InMemoryRecommendationStore store = new InMemoryRecommendationStore();
        int perHour = viewsPerDay / 24;
        Duration total = Duration.ZERO;
        Duration last = Duration.ZERO;
        long peakBytes = 0;
        BuildReport report = null;
        for (Instant hour = start; hour.isBefore(end); hour = hour.plus(1, ChronoUnit.HOURS)) {
            Instant next = hour.plus(1, ChronoUnit.HOURS);
            Instant runAt = next.plus(15, ChronoUnit.MINUTES);
            traffic.addHour(log, hour, next, perHour);
            traffic.addHour(log, next, runAt, perHour / 4);
            PeakHeap peak = PeakHeap.start();
            long started = System.nanoTime();
            report = builder(log, content, store, runAt).build();
            last = Duration.ofNanos(System.nanoTime() - started);
            peakBytes = peak.stop();
            total = total.plus(last);
            log.discardHour(hour);
        }
        return "| %,d | %,d | %.2f s | %.2f s | %,d MB | %,d | %,d KB |".formatted(viewsPerDay, report.viewsRead(),
                total.toMillis() / 24_000.0, last.toMillis() / 1000.0, peakBytes >> 20, report.windowPairs(),
                store.storedAggregateBytes() >> 10);
    }

    private static RecommendationBuilder builder(InMemoryViewLog log, SyntheticContent content,
                                                 InMemoryRecommendationStore store, Instant at) {
        return new RecommendationBuilder(log, content, store, RecommendationWeights.DEFAULT, Clock.fixed(at, ZoneOffset.UTC));
    }

    /** Samples heap use every few milliseconds, above the level after a full GC at the start. */
    private static final class PeakHeap {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private final long baseline;
        private volatile boolean running = true;
        private final Thread sampler;

        private PeakHeap() {
            System.gc();
            baseline = memory.getHeapMemoryUsage().getUsed();
            sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static PeakHeap start() {
            return new PeakHeap();
        }

        long stop() {
            running = false;
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            return Math.max(0, peak.get() - baseline);
        }
    }
}
