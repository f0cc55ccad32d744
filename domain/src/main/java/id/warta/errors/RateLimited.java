package id.warta.errors;

import java.time.Duration;

/** Too many attempts: the caller may try again after {@code retryAfter}. */
public final class RateLimited extends DomainException {
    private final Duration retryAfter;

    public RateLimited(Duration retryAfter) {
        super("rate limited");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
