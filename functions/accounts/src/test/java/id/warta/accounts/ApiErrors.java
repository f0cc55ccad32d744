package id.warta.accounts;

import id.warta.errors.DomainException;
import id.warta.errors.RateLimited;
import id.warta.http.DomainErrors;
import id.warta.http.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on the contract errors the domain's refusals become, through the one mapping (DomainErrors). */
final class ApiErrors {
    private ApiErrors() {
    }

    static void assertCode(Runnable action, ErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(DomainErrors.toApi(e).code()).isEqualTo(code));
    }

    /** The Retry-After seconds of the 429 the action must end in. */
    static long retryAfter(Runnable action) {
        try {
            action.run();
        } catch (RateLimited e) {
            return DomainErrors.toApi(e).retryAfterSeconds();
        }
        throw new AssertionError("not rate limited");
    }
}
