package id.warta.local.browser;

import java.net.URI;

/** A request the page made that failed: an HTTP status of 400 or more, or a network error (then status is 0). */
record FailedRequest(String method, String url, int status, String error) {
    String path() {
        return URI.create(url).getPath();
    }

    @Override
    public String toString() {
        return method + " " + url + " -> " + (status > 0 ? String.valueOf(status) : error);
    }
}
