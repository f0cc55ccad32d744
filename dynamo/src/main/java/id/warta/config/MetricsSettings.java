package id.warta.config;

import id.warta.logging.EmbeddedMetricFormat;
import id.warta.logging.EventLog;
import id.warta.metrics.Metrics;

import java.time.Clock;

/**
 * Where a function's metrics go, from the template's global environment (README: the metric
 * contract): the namespace ({@code METRICS_NAMESPACE}) and the value of the {@code Stack} dimension
 * every metric carries ({@code METRICS_STACK}, the stack's name).
 */
public record MetricsSettings(String namespace, String stack) {

    public static MetricsSettings from(Env env) {
        return new MetricsSettings(env.required("METRICS_NAMESPACE"), env.required("METRICS_STACK"));
    }

    /** EMF lines in the function's log, beside its event lines. */
    public Metrics toLog(EventLog log, Clock clock) {
        return new EmbeddedMetricFormat(namespace, stack, log, clock);
    }
}
