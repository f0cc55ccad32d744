package id.warta.local;

import java.util.Map;

/**
 * Where the local API and site are: bin/dev serves the reader API on one port and the site (the
 * pages email links open among them) on another, both on {@code localhost}, which browsers treat
 * as one site for cookies. So {@code SiteUrl} is the site's address, {@code SiteOrigin} the browser
 * origin the API's CORS allows, and {@code ReaderApiUrl} the API the pages call. The one place that
 * decides this, for bin/dev and for bin/invoke without a running bin/dev (which otherwise takes
 * what the running bin/dev used), so an email sent from either links to the same pages.
 */
final class LocalSite {
    static final int DEFAULT_PORT = 3000;
    static final int DEFAULT_SITE_PORT = 3001;

    private LocalSite() {
    }

    /** The API port: {@code WARTA_PORT}, or 3000. */
    static int port() {
        return Integer.parseInt(System.getenv().getOrDefault("WARTA_PORT", Integer.toString(DEFAULT_PORT)));
    }

    /** The site port: {@code WARTA_SITE_PORT}, or 3001. */
    static int sitePort() {
        return Integer.parseInt(System.getenv().getOrDefault("WARTA_SITE_PORT", Integer.toString(DEFAULT_SITE_PORT)));
    }

    static String apiUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** The site's address: {@code localhost}, like the API address its pages call. */
    static String siteUrl(int sitePort) {
        return "http://localhost:" + sitePort;
    }

    /** The template parameters that point email links, canonical links, the pages' API and CORS at the local ports. */
    static Map<String, String> parameters(int apiPort, int sitePort) {
        return Map.of("SiteUrl", siteUrl(sitePort), "SiteOrigin", siteUrl(sitePort),
                "ReaderApiUrl", "http://localhost:" + apiPort);
    }
}
