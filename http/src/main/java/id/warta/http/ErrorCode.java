package id.warta.http;

/** The error codes of the API contract, each with the status it is answered with. */
public enum ErrorCode {
    BAD_REQUEST(400),
    VALIDATION_FAILED(400),
    TOKEN_INVALID(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    ARTICLE_NOT_FOUND(404),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    PRECONDITION_FAILED(412),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMITED(429),
    INTERNAL(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
