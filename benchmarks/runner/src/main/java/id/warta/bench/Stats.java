package id.warta.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics over measured samples (nearest-rank). */
record Stats(double p50, double p90, double p99, int n) {

    static Stats of(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Stats(rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99), sorted.length);
    }

    private static double rank(double[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String ms(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    static String ratio(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f×", value);
    }

    @Override
    public String toString() {
        return Arrays.toString(new double[] {p50, p90, p99});
    }
}
