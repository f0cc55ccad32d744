package id.warta.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The two site pages that email links open (/aktivasi, /reset-password) and their scripts. In
 * production they belong to the website at SiteUrl (static files beside the site's own pages, with
 * the API's base URL in their {@code warta-api} meta tag), not to the API; locally they are served
 * beside it so the whole flow works in a browser. The CSP allows scripts from this origin only, so
 * the pages carry no inline script.
 */
final class SitePages {
    private record Asset(String resource, String contentType) {
    }

    /** A page with the headers it is served with. */
    record Page(byte[] body, Map<String, String> headers) {
    }

    private static final String HTML = "text/html; charset=utf-8";
    private static final String SCRIPT = "text/javascript; charset=utf-8";
    private static final Map<String, Asset> ASSETS = Map.of(
            "/aktivasi", new Asset("site/aktivasi.html", HTML),
            "/aktivasi.js", new Asset("site/aktivasi.js", SCRIPT),
            "/reset-password", new Asset("site/reset-password.html", HTML),
            "/reset-password.js", new Asset("site/reset-password.js", SCRIPT));
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
                    + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    Optional<Page> find(String path) {
        Asset asset = ASSETS.get(path);
        if (asset == null) {
            return Optional.empty();
        }
        try (InputStream in = SitePages.class.getClassLoader().getResourceAsStream(asset.resource())) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new Page(in.readAllBytes(), Map.of(
                    "Content-Type", asset.contentType(),
                    "X-Content-Type-Options", "nosniff",
                    "Referrer-Policy", "no-referrer",
                    "Cache-Control", "no-store",
                    "Content-Security-Policy", CONTENT_SECURITY_POLICY)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
