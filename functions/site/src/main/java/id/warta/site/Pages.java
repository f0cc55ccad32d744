package id.warta.site;

import id.warta.content.AccessLevel;
import id.warta.content.Article;
import id.warta.content.ArticleFilter;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;
import id.warta.content.Edition;
import id.warta.content.Image;
import id.warta.content.InvalidCursorException;
import id.warta.content.Page;
import id.warta.content.Sections;
import id.warta.content.Slugs;
import id.warta.content.Video;
import id.warta.reader.ReaderKey;
import id.warta.recommendations.Recommendations;
import id.warta.time.Jakarta;
import id.warta.time.RelativeTime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTML pages: each reads what it shows through the domain's content port (so only published
 * content ever appears) and renders one template. The HTML is the same for every reader, so it may
 * be cached: a METERED or SUBSCRIBER article's page holds its teaser only; the reader's own state
 * comes later from the API, in the browser.
 */
final class Pages {
    static final int LATEST = 20;
    static final int SECTION_PAGE = 20;
    static final int PICKS = 4;
    static final int TRENDING = 5;
    static final int VIDEOS_ON_PAGE = 4;
    static final int VIDEO_PAGE = 20;
    static final int RELATED = 4;
    /** The in-article ad slot follows this many paragraphs (fewer when the HTML holds fewer). */
    static final int PARAGRAPHS_BEFORE_AD = 2;
    /** A listing cursor is at most this long; anything longer was not issued by the repository. */
    static final int MAX_CURSOR = 512;
    private static final Pattern SECTION = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy HH:mm 'WIB'", INDONESIAN)
            .withZone(Jakarta.ZONE);

    private final ContentRepository content;
    private final Recommendations recommendations;
    private final Templates templates;
    private final SiteLinks links;
    private final Views.Chrome chrome;
    private final Assets assets;
    private final Clock clock;

    Pages(ContentRepository content, Recommendations recommendations, Templates templates, SiteLinks links,
          Assets assets, List<String> sections, String apiUrl, int freeArticles,
          List<Views.SignInProvider> signInProviders, Clock clock) {
        this.content = content;
        this.recommendations = recommendations;
        this.templates = templates;
        this.links = links;
        this.assets = assets;
        this.clock = clock;
        this.chrome = new Views.Chrome(assets.url(Assets.STYLESHEET), assets.url(Assets.ICON),
                sections.stream().map(this::sectionLink).toList(), apiUrl, assets.url(Assets.SITE_SCRIPT), freeArticles,
                FORMS, signInProviders);
    }

    /** A name a section could have: lower-case letters, digits and inner hyphens, as the content uses. */
    static boolean mayBeSection(String segment) {
        return Sections.mayExist(segment) && SECTION.matcher(segment).matches();
    }

    SiteResponse home() {
        Instant now = clock.instant();
        List<Views.Card> latest = cards(content.listArticles(ArticleFilter.ALL, LATEST, Optional.empty()).items(), now);
        List<Views.Card> picks = cards(content.editorsPicks().stream().limit(PICKS).toList(), now);
        List<Views.Card> trending = cards(recommendations.trending(Optional.empty(), TRENDING), now);
        Views.Home home = new Views.Home(latest, picks, trending, videoCards(content.latestVideos(VIDEOS_ON_PAGE), now));
        Views.Head head = head("Warta - Berita Terkini Indonesia",
                "Berita terkini nasional, ekonomi, politik, hukum dan dunia, serta koran dan majalah Warta.", "/",
                List.of(), null, null, true);
        return page(200, "home", head, Map.of("home", home));
    }

    /** A section's latest articles; empty when the section has none (it does not exist) or the cursor is spent. */
    Optional<SiteResponse> section(String section, Optional<String> cursor) {
        if (cursor.isPresent() && cursor.get().length() > MAX_CURSOR) {
            return Optional.of(badCursor());
        }
        Page<ArticleSummary> page;
        try {
            page = content.listArticles(new ArticleFilter(Optional.of(section), Optional.empty()), SECTION_PAGE, cursor);
        } catch (InvalidCursorException e) {
            return Optional.of(badCursor());
        }
        if (page.items().isEmpty()) {
            return Optional.empty();
        }
        String label = SiteLinks.label(section);
        String path = links.section(section);
        String next = page.nextCursor()
                .map(c -> path + "?cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).orElse(null);
        Views.SectionPage view = new Views.SectionPage(label, cards(page.items(), clock.instant()), next, path + "/rss.xml");
        // Later pages are reachable and useful, but the first page is the section's address.
        Views.Head head = head(label + " - Warta", "Berita terbaru rubrik " + label + " dari Warta.", path,
                List.of(), null, null, cursor.isEmpty());
        return Optional.of(page(200, "section", head, Map.of("page", view)));
    }

    private SiteResponse badCursor() {
        return error(400, "Halaman tidak valid", "Alamat halaman ini tidak dapat dibaca. Buka kembali rubrik dari menu.");
    }

    /**
     * The article page; a 301 to its own section when asked for under another; empty when there is
     * no such published article.
     */
    Optional<SiteResponse> article(String section, String slug) {
        if (!Slugs.isValid(slug)) {
            return Optional.empty();
        }
        Optional<Article> found = content.findArticle(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Article article = found.get();
        ArticleSummary summary = article.summary();
        String path = links.article(summary);
        if (!summary.section().equals(section)) {
            return Optional.of(SiteResponse.movedPermanently(path));
        }
        Instant now = clock.instant();
        boolean paywalled = summary.accessLevel() != AccessLevel.FREE;
        // The HTML is cached and the same for everyone: beyond the teaser, only the API may give the body.
        List<String> shown = paywalled ? article.teaser() : article.body();
        int beforeAd = Math.min(paywalled ? 1 : PARAGRAPHS_BEFORE_AD, shown.size());
        List<ArticleSummary> relatedArticles = recommendations.related(slug, ReaderKey.ANONYMOUS, RELATED).orElse(List.of());
        Views.ArticlePage view = new Views.ArticlePage(slug, summary.title(), summary.summary(), sectionLink(summary.section()),
                article.reporter(), article.editor(), Jakarta.iso(summary.publishedAt()),
                ABSOLUTE.format(summary.publishedAt()), RelativeTime.of(summary.publishedAt(), now),
                picture(summary.image(), summary.title()), shown.subList(0, beforeAd), shown.subList(beforeAd, shown.size()),
                paywalled, editionLabel(summary.edition()), summary.coverStory(),
                // A pick in another section is one 301 away: the pick names its slug only.
                article.editorsPick() == null ? null : new Views.Link(links.section(summary.section()) + "/"
                        + article.editorsPick().slug(), article.editorsPick().title()),
                String.join(" | ", article.sources().stream().map(s -> s.toUpperCase(INDONESIAN)).toList()),
                summary.tags(), cards(relatedArticles, now), relatedArticles.stream().anyMatch(ArticleSummary::sponsored),
                videoCards(content.latestVideos(VIDEOS_ON_PAGE), now));
        String canonical = links.absolute(path);
        List<Views.MetaTag> tags = new ArrayList<>(List.of(
                property("og:type", "article"),
                property("og:site_name", "Warta"),
                property("og:locale", "id_ID"),
                property("og:title", summary.title()),
                property("og:description", summary.summary()),
                property("og:url", canonical),
                property("article:published_time", Jakarta.iso(summary.publishedAt())),
                property("article:section", SiteLinks.label(summary.section())),
                name("twitter:card", summary.image() == null ? "summary" : "summary_large_image"),
                name("twitter:title", summary.title()),
                name("twitter:description", summary.summary())));
        if (summary.image() != null) {
            tags.add(property("og:image", summary.image().url()));
            tags.add(name("twitter:image", summary.image().url()));
        }
        Views.Head head = head(summary.title() + " - Warta", summary.summary(), path, tags,
                JsonLd.newsArticle(article, canonical, links.absolute("")), null, true);
        return Optional.of(page(200, "article", head, Map.of("article", view)));
    }

    SiteResponse videos() {
        Views.Head head = head("Video Pilihan - Warta", "Video pilihan redaksi Warta.", "/video", List.of(), null, null, true);
        return page(200, "videos", head, Map.of("videos", videoCards(content.latestVideos(VIDEO_PAGE), clock.instant())));
    }

    /** /masuk, /daftar and /lupa-kata-sandi: the forms, with their labelled fields; their scripts are part of signing in. */
    Optional<SiteResponse> form(String path) {
        Optional<Views.FormPage> form = FORMS.stream().filter(f -> path.equals("/" + f.formId())).findFirst();
        return form.map(f -> page(200, "form", head(f.heading() + " - Warta", f.intro(), path, List.of(), null, null, false),
                Map.of("form", f)));
    }

    /** Where a form submitted without JavaScript lands: signing in calls the API from the page's script. */
    SiteResponse javaScriptRequired() {
        return page(200, "error", head("JavaScript diperlukan - Warta", "Masuk dan mendaftar memerlukan JavaScript.",
                null, List.of(), null, null, false), Map.of("error", new Views.ErrorPage("JavaScript diperlukan",
                "Masuk, mendaftar dan menyetel ulang kata sandi memerlukan JavaScript. Aktifkan JavaScript di peramban "
                        + "Anda, lalu buka kembali formulirnya. Artikel gratis tetap dapat dibaca tanpa JavaScript.")));
    }

    /** The reader's account: the same HTML for everyone; the page's script fills it in from GET /me. */
    SiteResponse account() {
        return page(200, "akun", head("Akun Saya - Warta", "Akun Warta Anda: aktivasi, jatah artikel gratis dan artikel "
                + "yang sudah dibuka.", null, List.of(), null, null, false), Map.of());
    }

    private static final Views.Field EMAIL = new Views.Field("email", "Email", "email", "email", 3, 254);

    private static final List<Views.FormPage> FORMS = List.of(
            new Views.FormPage("Masuk", "Masuk ke akun Warta Anda.", "masuk", "/auth/login",
                    List.of(EMAIL, new Views.Field("password", "Kata sandi", "password", "current-password", 8, 128)),
                    true, "Masuk", List.of(new Views.Link("/daftar", "Belum punya akun? Daftar"),
                    new Views.Link("/lupa-kata-sandi", "Lupa kata sandi?"))),
            new Views.FormPage("Daftar", "Buat akun Warta gratis, lalu aktifkan lewat email.", "daftar",
                    "/auth/register", List.of(new Views.Field("name", "Nama", "text", "name", 1, 100), EMAIL,
                    new Views.Field("password", "Kata sandi (8-128 karakter)", "password", "new-password", 8, 128)),
                    false, "Daftar", List.of(new Views.Link("/masuk", "Sudah punya akun? Masuk"))),
            new Views.FormPage("Lupa kata sandi",
                    "Masukkan alamat email akun Anda; kami kirimkan tautan untuk menyetel ulang kata sandi.",
                    "lupa-kata-sandi", "/auth/password/forgot", List.of(EMAIL), false, "Kirim tautan",
                    List.of(new Views.Link("/masuk", "Kembali ke Masuk"))));
    static final List<String> FORM_PATHS = FORMS.stream().map(form -> "/" + form.formId()).toList();

    /**
     * The email links' pages. The token stays in the address for the page's script, which sends it
     * only when the reader acts; these answers are never stored, and send no referrer.
     */
    SiteResponse activation() {
        Views.Head head = head("Aktivasi akun - Warta", "Aktifkan akun Warta Anda.", null, List.of(), null,
                assets.url(Assets.ACTIVATION_SCRIPT), false);
        return withToken(page(200, "aktivasi", head, Map.of()));
    }

    /** Where a "Masuk melalui" provider sends the browser back, the ID token in the fragment for the site script. */
    SiteResponse socialSignIn() {
        Views.Head head = head("Masuk melalui akun lain - Warta", "Masuk ke Warta melalui akun lain.", null, List.of(),
                null, null, false);
        return withToken(page(200, "masukMelalui", head, Map.of()));
    }

    SiteResponse resetPassword() {
        Views.Head head = head("Setel ulang kata sandi - Warta", "Setel ulang kata sandi akun Warta Anda.", null,
                List.of(), null, assets.url(Assets.RESET_PASSWORD_SCRIPT), false);
        return withToken(page(200, "resetPassword", head, Map.of()));
    }

    private static SiteResponse withToken(SiteResponse page) {
        return page.withHeader("cache-control", CachePolicy.NO_STORE.headerValue())
                .withHeader("referrer-policy", SecurityHeaders.NO_REFERRER);
    }

    SiteResponse notFound() {
        return error(404, "Halaman tidak ditemukan", "Halaman yang Anda cari tidak ada atau sudah dipindahkan.");
    }

    SiteResponse error(int status, String heading, String message) {
        Views.Head head = head(heading + " - Warta", message, null, List.of(), null, null, false);
        SiteResponse page = page(status, "error", head, Map.of("error", new Views.ErrorPage(heading, message)));
        return status >= 500 ? page.withHeader("cache-control", CachePolicy.NO_STORE.headerValue()) : page;
    }

    private SiteResponse page(int status, String template, Views.Head head, Map<String, Object> parameters) {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        all.put("chrome", chrome);
        all.put("head", head);
        return SiteResponse.of(status, SiteResponse.HTML, templates.render(template, all), CachePolicy.PAGE);
    }

    private Views.Head head(String title, String description, String path, List<Views.MetaTag> tags, String jsonLd,
                            String script, boolean indexable) {
        return new Views.Head(title, description, path == null ? null : links.absolute(path), tags, jsonLd, script, indexable);
    }

    private static Views.MetaTag property(String key, String content) {
        return new Views.MetaTag("property", key, content);
    }

    private static Views.MetaTag name(String key, String content) {
        return new Views.MetaTag("name", key, content);
    }

    private Views.Link sectionLink(String section) {
        return new Views.Link(links.section(section), SiteLinks.label(section));
    }

    private List<Views.Card> cards(List<ArticleSummary> articles, Instant now) {
        return articles.stream().map(a -> new Views.Card(links.article(a), a.title(), sectionLink(a.section()),
                Jakarta.iso(a.publishedAt()), RelativeTime.of(a.publishedAt(), now), picture(a.image(), a.title()),
                editionLabel(a.edition()), a.sponsored())).toList();
    }

    private static List<Views.VideoCard> videoCards(List<Video> videos, Instant now) {
        return videos.stream().map(v -> new Views.VideoCard(v.title(), v.videoUrl(),
                picture(v.thumbnail(), v.title()), duration(v.durationSeconds()), Jakarta.iso(v.publishedAt()),
                RelativeTime.of(v.publishedAt(), now))).toList();
    }

    private static Views.Picture picture(Image image, String subject) {
        if (image == null) {
            return null;
        }
        String alt = image.caption() == null || image.caption().isBlank() ? subject : image.caption();
        return new Views.Picture(image.url(), alt, image.caption(), image.credit());
    }

    /** "Koran" or "Majalah" for the print editions; nothing for free web news. */
    private static String editionLabel(Edition edition) {
        return edition == Edition.WEB ? null : SiteLinks.label(edition.wireName());
    }

    private static String duration(int seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toHours() > 0 ? "%d:%02d:%02d".formatted(d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : "%d:%02d".formatted(d.toMinutes(), d.toSecondsPart());
    }
}
