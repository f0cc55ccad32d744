package id.warta.site;

import java.util.List;
import java.util.Optional;

/**
 * Which page a path names. Literal paths first (the home page, the forms, feeds, sitemaps,
 * assets), then {@code /{section}}, {@code /{section}/rss.xml} and {@code /{section}/{slug}};
 * anything else, or a section or article that does not exist, is the HTML 404 page.
 */
final class Site {
    static final String JAVASCRIPT_REQUIRED = "/perlu-javascript";
    private final Pages pages;
    private final Feeds feeds;
    private final Assets assets;

    Site(Pages pages, Feeds feeds, Assets assets) {
        this.pages = pages;
        this.feeds = feeds;
        this.assets = assets;
    }

    /** A name for the log line: what kind of page was asked for, never the path itself. */
    record Answer(String page, SiteResponse response) {
    }

    Answer answer(SiteRequest request) {
        if (request.method().equals("POST") && request.path().equals(ProviderAnswer.PATH)) {
            return new Answer("social-sign-in-answer", ProviderAnswer.relay(request.body()));
        }
        if (request.method().equals("POST") && Pages.FORM_PATHS.contains(request.path())) {
            // A form sent without JavaScript (the body is never read): signing in needs the page's script.
            return new Answer("form-without-script", SiteResponse.seeOther(JAVASCRIPT_REQUIRED));
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return new Answer("method-not-allowed", pages.error(405, "Permintaan tidak didukung",
                    "Halaman ini hanya dapat dibuka, tidak dikirimi data.").withHeader("allow", "GET, HEAD"));
        }
        String path = request.path();
        switch (path) {
            case "/" -> {
                return new Answer("home", pages.home());
            }
            case "/video" -> {
                return new Answer("videos", pages.videos());
            }
            case "/masuk", "/daftar", "/lupa-kata-sandi" -> {
                return new Answer("form", pages.form(path).orElseThrow());
            }
            case JAVASCRIPT_REQUIRED -> {
                return new Answer("javascript-required", pages.javaScriptRequired());
            }
            case ProviderAnswer.PATH -> {
                return new Answer("social-sign-in", pages.socialSignIn());
            }
            case "/akun" -> {
                return new Answer("account", pages.account());
            }
            case "/aktivasi" -> {
                return new Answer("activation", pages.activation());
            }
            case "/reset-password" -> {
                return new Answer("reset-password", pages.resetPassword());
            }
            case "/robots.txt" -> {
                return new Answer("robots", feeds.robots());
            }
            case "/sitemap.xml" -> {
                return new Answer("sitemap", feeds.sitemap());
            }
            case "/news-sitemap.xml" -> {
                return new Answer("news-sitemap", feeds.newsSitemap());
            }
            case "/rss.xml" -> {
                return new Answer("rss", feeds.rss(Optional.empty()).orElseThrow());
            }
            default -> {
                return new Answer(kindOf(path), patterned(request).orElseGet(pages::notFound));
            }
        }
    }

    /** DynamoDB failed or was too slow: try again shortly. */
    SiteResponse unavailable() {
        return pages.error(503, "Layanan sedang sibuk", "Halaman belum dapat ditampilkan. Coba lagi beberapa saat lagi.")
                .withHeader("retry-after", "5");
    }

    SiteResponse failed() {
        return pages.error(500, "Terjadi kesalahan", "Halaman belum dapat ditampilkan. Coba lagi nanti.");
    }

    private Optional<SiteResponse> patterned(SiteRequest request) {
        String path = request.path();
        if (path.startsWith(Assets.PREFIX)) {
            return assets.find(path.substring(Assets.PREFIX.length()));
        }
        if (path.startsWith("/sitemap-") && path.endsWith(".xml")) {
            return sitemapPart(path.substring("/sitemap-".length(), path.length() - ".xml".length()));
        }
        List<String> segments = List.of(path.substring(1).split("/", -1));
        if (segments.isEmpty() || segments.size() > 2 || !Pages.mayBeSection(segments.getFirst())) {
            return Optional.empty();
        }
        String section = segments.getFirst();
        if (segments.size() == 1) {
            return pages.section(section, request.query("cursor"));
        }
        String second = segments.get(1);
        return second.equals("rss.xml") ? feeds.rss(Optional.of(section)) : pages.article(section, second);
    }

    private Optional<SiteResponse> sitemapPart(String number) {
        if (!number.matches("[1-9][0-9]{0,5}")) {
            return Optional.empty();
        }
        return feeds.sitemapPart(Integer.parseInt(number));
    }

    private static String kindOf(String path) {
        if (path.startsWith(Assets.PREFIX)) {
            return "asset";
        }
        if (path.startsWith("/sitemap-")) {
            return "sitemap-part";
        }
        long slashes = path.chars().filter(c -> c == '/').count();
        return slashes == 1 ? "section" : path.endsWith("/rss.xml") ? "section-rss" : slashes == 2 ? "article" : "other";
    }
}
