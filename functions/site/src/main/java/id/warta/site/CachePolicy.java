package id.warta.site;

/** How long shared caches (CloudFront, a browser) may keep an answer; every page is the same for every reader. */
public enum CachePolicy {
    /** Pages, feeds and sitemaps: a minute fresh, then served stale while CloudFront fetches anew. */
    PAGE("public, max-age=60, stale-while-revalidate=300"),
    /** Stylesheets and scripts under content-hashed names: a new version is a new name. */
    IMMUTABLE("public, max-age=31536000, immutable"),
    /** The email links' pages (their address holds a one-time token) and failures. */
    NO_STORE("no-store");

    private final String headerValue;

    CachePolicy(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }
}
