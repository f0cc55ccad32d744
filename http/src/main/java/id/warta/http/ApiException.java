package id.warta.http;

import java.util.Map;

/**
 * What the client is told, with the contract's error body. Thrown directly only for mistakes of the
 * HTTP protocol itself, which no business rule decides: a body that is not one JSON object, too large
 * (413) or not declared as JSON (415), an unknown route, a malformed X-Reader-Id. A refused rule or
 * input is a domain exception, answered through {@link DomainErrors}; a failed dependency, through
 * {@link HttpFunction}. Only this package makes one (its factories are package-private). The message is
 * written for the client and must never carry internal detail.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final ErrorCode code;
    private final Map<String, String> fields;
    private final Long retryAfterSeconds;

    private ApiException(int status, ErrorCode code, String message, Map<String, String> fields, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = fields == null ? Map.of() : Map.copyOf(fields);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiException of(ErrorCode code, String message) {
        return new ApiException(code.status(), code, message, null, null);
    }

    static ApiException validation(Map<String, String> fields) {
        return new ApiException(400, ErrorCode.VALIDATION_FAILED, "Periksa kembali isian Anda.", fields, null);
    }

    static ApiException rateLimited(long retryAfterSeconds) {
        return new ApiException(429, ErrorCode.RATE_LIMITED, "Terlalu banyak permintaan. Coba lagi nanti.", null,
                Math.max(1, retryAfterSeconds));
    }

    /** A dependency (the database) is unreachable: the client may retry shortly. */
    static ApiException unavailable() {
        return new ApiException(503, ErrorCode.INTERNAL, "Layanan sedang sibuk. Coba lagi sebentar lagi.", null, 5L);
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
