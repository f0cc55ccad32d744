package id.warta.errors;

/** A service the rule depends on (an identity provider's keys) cannot be reached right now; the client may retry shortly. */
public final class DependencyUnavailable extends DomainException {
    public DependencyUnavailable() {
        super("dependency unavailable");
    }
}
