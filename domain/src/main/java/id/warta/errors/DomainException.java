package id.warta.errors;

/**
 * A business rule refused the request. Each kind is its own type; what the client is told (status,
 * error code, Indonesian message) is decided in one place, the HTTP layer's {@code DomainErrors}.
 * No stack trace: these are expected outcomes, thrown on hot paths, and never logged as failures.
 */
public abstract sealed class DomainException extends RuntimeException
        permits ValidationFailed, RateLimited, TokenInvalid, WrongCredentials, SignInRequired, SignInUnverifiable,
        ArticleNotFound, AccountNotFound, UnknownProvider, DependencyUnavailable, SessionEnded,
        PreconditionFailed, VideoNotFound {

    protected DomainException(String detail) {
        super(detail, null, false, false);
    }
}
