package id.warta.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a route answers: a status, an optional JSON body, a cache policy, the cookies it sets (each a
 * whole {@code Set-Cookie} value; API Gateway's payload 2.0 carries them apart from the headers), and
 * whether a client limit stopped the request behind an answer that does not say so ({@link #limitedSilently}).
 */
public record ApiResponse(int status, Object body, CachePolicy cache, Map<String, String> extraHeaders,
                          List<String> cookies, boolean limited) {

    public ApiResponse {
        extraHeaders = Map.copyOf(extraHeaders);
        cookies = List.copyOf(cookies);
    }

    public ApiResponse(int status, Object body, CachePolicy cache, Map<String, String> extraHeaders) {
        this(status, body, cache, extraHeaders, List.of(), false);
    }

    /** The same answer, also setting a cookie ({@code setCookie}: the whole Set-Cookie value). */
    public ApiResponse withCookie(String setCookie) {
        List<String> all = new ArrayList<>(cookies);
        all.add(setCookie);
        return new ApiResponse(status, body, cache, extraHeaders, all, limited);
    }

    /**
     * The same answer, marked as depending also on the request header {@code name} beyond what every
     * answer depends on ({@link HttpFunction#ALWAYS_VARY}): a shared cache must then key on it too.
     */
    public ApiResponse varyingAlsoOn(String name) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.merge("vary", name, (earlier, added) -> earlier + ", " + added);
        return new ApiResponse(status, body, cache, headers, cookies, limited);
    }

    /**
     * The same answer, for a request a client limit stopped although the contract fixes its answer
     * (a reset request is answered 202 always): counted and logged as a 429 is, and the client is
     * told nothing.
     */
    public ApiResponse limitedSilently() {
        return new ApiResponse(status, body, cache, extraHeaders, cookies, true);
    }

    public static ApiResponse ok(Object body, CachePolicy cache) {
        return new ApiResponse(200, body, cache, Map.of());
    }

    public static ApiResponse status(int status, Object body) {
        return new ApiResponse(status, body, CachePolicy.PRIVATE, Map.of());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, CachePolicy.PRIVATE, Map.of());
    }

    public static ApiResponse error(ApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code().name());
        error.put("message", e.getMessage());
        if (!e.fields().isEmpty()) {
            error.put("fields", e.fields());
        }
        Map<String, String> headers = e.retryAfterSeconds() == null
                ? Map.of()
                : Map.of("retry-after", Long.toString(e.retryAfterSeconds()));
        return new ApiResponse(e.status(), Map.of("error", error), CachePolicy.PRIVATE, headers);
    }
}
