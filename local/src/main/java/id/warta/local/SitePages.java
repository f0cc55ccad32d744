package id.warta.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

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

    private static final String HTML = "text/html; charset=utf-8";
    private static final String SCRIPT = "text/javascript; charset=utf-8";
    private static final Map<String, Asset> ASSETS = Map.of(
            "/aktivasi", new Asset("site/aktivasi.html", HTML),
            "/aktivasi.js", new Asset("site/aktivasi.js", SCRIPT),
            "/reset-password", new Asset("site/reset-password.html", HTML),
            "/reset-password.js", new Asset("site/reset-password.js", SCRIPT));

    boolean serve(String path, HttpExchange exchange) throws IOException {
        Asset asset = ASSETS.get(path);
        if (asset == null) {
            return false;
        }
        try (InputStream in = SitePages.class.getClassLoader().getResourceAsStream(asset.resource())) {
            if (in == null) {
                return false;
            }
            byte[] page = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", asset.contentType());
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Content-Security-Policy",
                    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
                            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
            return true;
        }
    }
}
