package id.warta.local;

import java.util.Map;

/**
 * Where the local site is: the API server of bin/dev serves the pages that email links open, so
 * {@code SiteUrl} is its address and {@code SiteOrigin} the browser origin allowed to call it. The
 * one place that decides this, for bin/dev and for bin/invoke without a running bin/dev (which
 * otherwise takes what the running bin/dev used), so an email sent from either links to the same
 * pages.
 */
final class LocalSite {
    static final int DEFAULT_PORT = 3000;

    private LocalSite() {
    }

    /** The API port: {@code WARTA_PORT}, or 3000. */
    static int port() {
        return Integer.parseInt(System.getenv().getOrDefault("WARTA_PORT", Integer.toString(DEFAULT_PORT)));
    }

    static String apiUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** The template parameters that point email links and CORS at the local site on {@code port}. */
    static Map<String, String> parameters(int port) {
        return Map.of("SiteUrl", apiUrl(port), "SiteOrigin", "http://localhost:" + port);
    }
}
