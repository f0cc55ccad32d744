package id.warta.metrics;

/**
 * The dimensions a metric may carry besides {@code Stack} (which the writer adds to every metric, so
 * that two stacks in one account and region never count into each other's alarms).
 */
public enum Dimension {
    /** The access level of a read article ({@code FREE}, {@code METERED}, {@code SUBSCRIBER}). */
    ACCESS_LEVEL("AccessLevel"),
    /**
     * How a given-up email ended ({@code GIVEN_UP_REJECTED}, ...); how a view of a metered article
     * ended ({@code GRANTED}, {@code NOT_NEEDED}, or the paywall's refusal).
     */
    OUTCOME("Outcome"),
    /**
     * Why an address was suppressed ({@code HARD_BOUNCE}, {@code COMPLAINT}); why a read article was
     * shown in full or not ({@code GRANTED}, {@code UNLOCKABLE}, or the paywall's refusal).
     */
    REASON("Reason"),
    /** How a reader signed in ({@code Password}, {@code Oidc}, {@code Refresh}: {@code id.warta.sessions.SignInMethod}). */
    METHOD("Method"),
    /**
     * The API Gateway route key of a request ({@code POST /auth/login}): as many values as the
     * template declares routes, never a path with its parameters.
     */
    ROUTE("Route");

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
