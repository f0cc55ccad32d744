package id.warta.site;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every answer of the site carries: a strict Content-Security-Policy (scripts and styles
 * from the site only, none inline; images over HTTPS from the content's image host; the API for
 * the scripts' calls; no framing), nosniff, and a referrer policy that sends other sites no path.
 */
final class SecurityHeaders {
    static final String NO_REFERRER = "no-referrer";
    private static final String REFERRER = "strict-origin-when-cross-origin";

    private final Map<String, String> headers;

    SecurityHeaders(String apiUrl) {
        String connect = apiUrl.isEmpty() ? "'self'" : "'self' " + apiUrl;
        Map<String, String> all = new LinkedHashMap<>();
        all.put("content-security-policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https:; "
                + "connect-src " + connect + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        all.put("x-content-type-options", "nosniff");
        all.put("referrer-policy", REFERRER);
        all.put("x-frame-options", "DENY");
        this.headers = Map.copyOf(all);
    }

    /** The security headers, under any the page set itself (a stricter referrer policy). */
    Map<String, String> around(Map<String, String> pageHeaders) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(pageHeaders);
        return all;
    }
}
