package id.warta.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The two site pages that email links open (/aktivasi, /reset-password). In production they belong
 * to the website, not the API; locally they are served beside it so the whole flow works in a browser.
 */
final class SitePages {
    private static final Map<String, String> PAGES = Map.of(
            "/aktivasi", "site/aktivasi.html",
            "/reset-password", "site/reset-password.html");

    boolean serve(String path, HttpExchange exchange) throws IOException {
        String resource = PAGES.get(path);
        if (resource == null) {
            return false;
        }
        try (InputStream in = SitePages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            byte[] page = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
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
