package id.warta.site;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the site answers: status, body and the headers that belong to this answer (cache, type, location). */
public record SiteResponse(int status, String body, Map<String, String> headers) {
    public static final String HTML = "text/html; charset=utf-8";
    public static final String XML = "application/xml; charset=utf-8";
    public static final String RSS = "application/rss+xml; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";

    public SiteResponse {
        headers = Map.copyOf(headers);
    }

    static SiteResponse of(int status, String contentType, String body, CachePolicy cache) {
        return new SiteResponse(status, body, Map.of("content-type", contentType, "cache-control", cache.headerValue()));
    }

    /** 301 to a path of this site: the article's own section. */
    static SiteResponse movedPermanently(String location) {
        return new SiteResponse(301, "", Map.of("location", location, "cache-control", CachePolicy.PAGE.headerValue()));
    }

    /** 303 to a page of this site after a POST; never stored. */
    static SiteResponse seeOther(String location) {
        return new SiteResponse(303, "", Map.of("location", location, "cache-control", CachePolicy.NO_STORE.headerValue()));
    }

    SiteResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SiteResponse(status, body, more);
    }
}
