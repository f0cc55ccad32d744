package id.warta.accounts;

import id.warta.http.ApiException;
import id.warta.http.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on the contract errors the domain throws. */
final class ApiErrors {
    private ApiErrors() {
    }

    static void assertCode(Runnable action, ErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    /** The Retry-After seconds of the 429 the action must end in. */
    static long retryAfter(Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            return e.retryAfterSeconds();
        }
        throw new AssertionError("not rate limited");
    }
}
