package id.warta.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values measured together (one run, one notification) that share their dimension values: one record
 * for {@link Metrics#publish}. A metric appears once per record; dimension values are short ASCII
 * codes (enum names), never reader data.
 */
public final class Measurements {
    private final Map<Dimension, String> dimensions = new EnumMap<>(Dimension.class);
    private final Map<Metric, Double> values = new LinkedHashMap<>();

    /** Measurements with the dimension {@code Stack} only. */
    public static Measurements of() {
        return new Measurements();
    }

    /** Measurements reported under {@code Stack} and this dimension's value. */
    public static Measurements by(Dimension dimension, String value) {
        return new Measurements().and(dimension, value);
    }

    /** The same measurements reported under one more dimension too (in the same dimension set). */
    public Measurements and(Dimension dimension, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A dimension value must not be blank: " + dimension);
        }
        if (dimensions.putIfAbsent(dimension, value) != null) {
            throw new IllegalArgumentException(dimension + " is already in these measurements");
        }
        return this;
    }

    public Measurements put(Metric metric, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(metric + " must be a finite number: " + value);
        }
        if (values.putIfAbsent(metric, value) != null) {
            throw new IllegalArgumentException(metric + " is already in these measurements");
        }
        return this;
    }

    public Map<Dimension, String> dimensions() {
        return Collections.unmodifiableMap(dimensions);
    }

    /** The values in the order they were put. */
    public Map<Metric, Double> values() {
        return Collections.unmodifiableMap(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
