package id.warta.http;

/** Cache-Control values. Anything that depends on who reads it must never be stored by a shared cache. */
public enum CachePolicy {
    /** Reader-specific answers: signed-in reads, meters, /me, every write. */
    PRIVATE("private, no-store"),
    /** The same for every anonymous reader: a CDN may keep it briefly. */
    PUBLIC_SHORT("public, max-age=60");

    private final String headerValue;

    CachePolicy(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }
}
