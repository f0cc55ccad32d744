package id.warta.metrics;

/**
 * Where the functions' business and health measurements go: in production one CloudWatch embedded
 * metric format line per record in the function's log ({@code id.warta.logging.EmbeddedMetricFormat}),
 * which costs no API call; in tests a recording fake.
 */
public interface Metrics {
    /** Reports the measurements (nothing when they are empty). Never throws for a well-formed record. */
    void publish(Measurements measurements);
}
