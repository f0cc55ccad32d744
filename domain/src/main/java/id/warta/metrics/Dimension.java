package id.warta.metrics;

/**
 * The dimensions a metric may carry besides {@code Stack} (which the writer adds to every metric, so
 * that two stacks in one account and region never count into each other's alarms).
 */
public enum Dimension {
    /** How a given-up email ended ({@code GIVEN_UP_REJECTED}, ...). */
    OUTCOME("Outcome"),
    /** Why an address was suppressed ({@code HARD_BOUNCE}, {@code COMPLAINT}). */
    REASON("Reason");

    /** The dimension every metric carries: the stack's name. */
    public static final String STACK = "Stack";

    private final String dimensionName;

    Dimension(String dimensionName) {
        this.dimensionName = dimensionName;
    }

    /** The name in CloudWatch. */
    public String dimensionName() {
        return dimensionName;
    }
}
