package id.warta.site;

import java.util.List;

/**
 * What the templates show, worked out in Java beforehand (links, labels, times in Bahasa Indonesia),
 * so that templates only place text, which jte escapes for its context.
 */
public final class Views {
    private Views() {
    }

    /**
     * The parts of every page: where the assets are (the icon among them), the sections in the
     * navigation, the API for the scripts, the site script, how many free articles an activated
     * account reads a month, and the sign-in, registration and forgot-password forms that every page
     * offers as dialogs.
     */
    public record Chrome(String stylesheet, String icon, List<Link> sections, String apiUrl, String siteScript,
                         int freeArticles, List<FormPage> dialogs, List<SignInProvider> signInProviders) {
    }

    /**
     * A "Masuk melalui" button: the site script sends the browser to {@code authorizationUrl} for an
     * ID token for {@code clientId}, which comes back to /masuk-melalui and goes to POST /auth/oidc/{name}.
     * The request's {@code responseType}, {@code scope}, {@code responseMode} and {@code prompt} are
     * the provider's own (empty: not sent): Apple answers a request for the address only by a form
     * POST to /masuk-melalui, the others in the address's fragment.
     */
    public record SignInProvider(String name, String label, String authorizationUrl, String clientId,
                                 String responseType, String scope, String responseMode, String prompt) {
    }

    public record Link(String href, String label) {
    }

    /**
     * A page's head: title, description, canonical address, the Open Graph and Twitter tags
     * ({@code tags}, name or property first), a JSON-LD block (null for none; already escaped for a
     * script element by {@link JsonLd}) and the page's own script (null for none).
     */
    public record Head(String title, String description, String canonical, List<MetaTag> tags, String jsonLd,
                       String script, boolean indexable) {
    }

    /** {@code <meta property="og:title" content="...">} or {@code <meta name="twitter:card" content="...">}. */
    public record MetaTag(String attribute, String key, String content) {
    }

    public record Picture(String url, String alt, String caption, String credit) {
    }

    /** An article in a list: "Terbaru", a section, "Rekomendasi Artikel", "Terpopuler". */
    public record Card(String href, String title, Link section, String isoTime, String relativeTime,
                       Picture image, String edition, boolean sponsored) {
    }

    public record VideoCard(String title, String url, Picture thumbnail, String duration,
                            String isoTime, String relativeTime) {
    }

    public record Home(List<Card> latest, List<Card> editorsPicks, List<Card> trending, List<VideoCard> videos) {
    }

    public record SectionPage(String label, List<Card> articles, String nextHref, String rssHref) {
    }

    /**
     * The article page. {@code beforeAd} and {@code afterAd} are the paragraphs this HTML holds (all
     * of a FREE article; the teaser of the others, {@code paywalled} then true).
     */
    public record ArticlePage(String slug, String headline, String summary, Link section, String reporter, String editor,
                              String isoTime, String absoluteTime, String relativeTime, Picture image,
                              List<String> beforeAd, List<String> afterAd, boolean paywalled, String edition,
                              boolean coverStory, Link editorsPick, String sources, List<String> tags,
                              List<Card> related, boolean relatedHasSponsored, List<VideoCard> videos) {
    }

    /** A labelled form field of the sign-in, registration and forgot-password pages. */
    public record Field(String id, String label, String type, String autocomplete, int minLength, int maxLength) {
    }

    /**
     * A form that calls the API ({@code apiPath}) from the page's script. {@code formId} names its
     * page ({@code masuk}, {@code daftar}, {@code lupa-kata-sandi}), which a submission without
     * JavaScript reaches; {@code remember} adds "Ingat saya".
     */
    public record FormPage(String heading, String intro, String formId, String apiPath, List<Field> fields,
                           boolean remember, String submitLabel, List<Link> alternatives) {
    }

    public record ErrorPage(String heading, String message) {
    }
}
