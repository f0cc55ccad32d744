package id.warta.local;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, row 3: POST /auth/password/forgot and POST /auth/activation/resend take as long for an
 * address nobody registered as for a registered one: forgot whether the registered address's email
 * is sent or skipped by its send limit, resend for an unactivated address whose link is sent (the
 * other states are counted in EqualWorkForEveryAddressTest). Each series is sampled
 * {@value #SAMPLES} times, the series taking turns so that a slow moment of this shared machine
 * falls on all of them alike; a limit that should let a sample send is reset before it, untimed.
 *
 * <p>Beyond noise means: medians further apart than {@value #TOLERANCE_MS} ms or
 * {@value #TOLERANCE_SHARE} of the unknown address's median, whichever is more, or interquartile
 * ranges that do not overlap. On the 2-core machine, busy with other builds, one DynamoDB call to
 * the emulator costs 2 to 5 ms and a series' interquartile range is 5 to 15 ms wide; the medians of
 * equal work land within about 1 ms of each other, while before the fix forgot made six calls more
 * for a registered address (medians 39.7 ms against 9.6 ms, interquartile ranges 34.5-47.5 and
 * 7.9-13.6 ms, at a load average of 16).
 */
class EqualTimingIT {
    private static final int SAMPLES = 60;
    private static final int WARM_UP = 5;
    private static final double TOLERANCE_MS = 2.0;
    private static final double TOLERANCE_SHARE = 0.25;

    private final TestStack stack = TestStack.shared();
    private final AccountRequests requests = new AccountRequests(stack);
    private final AccountsMailbox mailbox = new AccountsMailbox(stack);

    /** One kind of request, timed; {@code before} runs untimed before each sample. */
    private record Series(String name, Runnable before, Supplier<TestStack.Response> request, int expectedStatus) {
    }

    /** Medians and quartiles of one series, in milliseconds. */
    record Spread(double q1, double median, double q3) {
        static Spread of(double[] millis) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return new Spread(quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75));
        }

        private static double quantile(double[] sorted, double p) {
            double position = p * (sorted.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.length - 1);
            return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
        }

        boolean overlaps(Spread other) {
            return q1 <= other.q3 && other.q1 <= q3;
        }

        @Override
        public String toString() {
            return String.format("median %.1f ms, IQR %.1f-%.1f ms", median, q1, q3);
        }
    }

    /** Samples every series in turns, {@link #SAMPLES} times each, after a warm-up; answers per series. */
    private Map<String, Spread> measure(List<Series> series) {
        for (int i = 0; i < WARM_UP; i++) {
            series.forEach(s -> {
                s.before().run();
                s.request().get();
            });
        }
        Map<String, double[]> samples = new LinkedHashMap<>();
        series.forEach(s -> samples.put(s.name(), new double[SAMPLES]));
        for (int i = 0; i < SAMPLES; i++) {
            // Each round starts with another series, so none is always first (or always after a given one).
            for (int j = 0; j < series.size(); j++) {
                Series s = series.get((i + j) % series.size());
                s.before().run();
                long start = System.nanoTime();
                TestStack.Response response = s.request().get();
                long elapsed = System.nanoTime() - start;
                assertThat(response.status()).as(s.name() + ": " + response.body()).isEqualTo(s.expectedStatus());
                samples.get(s.name())[i] = elapsed / 1e6;
            }
        }
        Map<String, Spread> spreads = new LinkedHashMap<>();
        samples.forEach((name, millis) -> spreads.put(name, Spread.of(millis)));
        spreads.forEach((name, spread) -> System.out.println("[EqualTimingIT] " + name + ": " + spread));
        return spreads;
    }

    private static void assertSameTimeAsUnknown(Map<String, Spread> spreads, String unknownSeries) {
        Spread unknown = spreads.get(unknownSeries);
        double tolerance = Math.max(TOLERANCE_MS, TOLERANCE_SHARE * unknown.median());
        spreads.forEach((name, spread) -> {
            assertThat(Math.abs(spread.median() - unknown.median()))
                    .as("median of %s (%s) against %s (%s)", name, spread, unknownSeries, unknown)
                    .isLessThan(tolerance);
            assertThat(spread.overlaps(unknown))
                    .as("interquartile ranges of %s (%s) and %s (%s) overlap", name, spread, unknownSeries, unknown)
                    .isTrue();
        });
    }

    /** A registered (not yet activated) address. */
    private String registered(String prefix) {
        String email = AccountsMailbox.uniqueAddress(prefix);
        assertThat(requests.register(email).status()).isEqualTo(202);
        return email;
    }

    private static Runnable nothing() {
        return () -> { };
    }

    @Test
    void forgotTakesAsLongForAnUnknownAddressAsForARegisteredOne() {
        String registered = registered("timing-forgot");
        String limited = registered("timing-forgot-limited");
        String unknown = AccountsMailbox.uniqueAddress("timing-nobody");
        assertThat(requests.forgot(limited).status()).isEqualTo(202);

        Map<String, Spread> spreads = measure(List.of(
                new Series("forgot, registered, email sent", () -> mailbox.forgetLimit("RESET_SEND", registered),
                        () -> requests.forgot(registered), 202),
                new Series("forgot, registered, send skipped by its limit", nothing(), () -> requests.forgot(limited), 202),
                new Series("forgot, unknown address", nothing(), () -> requests.forgot(unknown), 202)));

        assertSameTimeAsUnknown(spreads, "forgot, unknown address");
    }

    @Test
    void resendTakesAsLongForAnUnknownAddressAsForARegisteredOne() {
        String unactivated = registered("timing-resend");
        String unknown = AccountsMailbox.uniqueAddress("timing-nobody");

        Map<String, Spread> spreads = measure(List.of(
                new Series("resend, unactivated, email sent", () -> mailbox.forgetLimit("ACTIVATION_SEND", unactivated),
                        () -> requests.resend(unactivated), 202),
                new Series("resend, unknown address", nothing(), () -> requests.resend(unknown), 202)));

        assertSameTimeAsUnknown(spreads, "resend, unknown address");
    }
}
