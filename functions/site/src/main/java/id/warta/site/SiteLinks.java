package id.warta.site;

import id.warta.content.ArticleSummary;

import java.util.Locale;

/** The site's addresses: every link a page, feed or sitemap makes is built here. */
final class SiteLinks {
    private final String siteUrl;

    SiteLinks(String siteUrl) {
        this.siteUrl = siteUrl;
    }

    String absolute(String path) {
        return siteUrl + path;
    }

    String section(String section) {
        return "/" + section;
    }

    String article(ArticleSummary article) {
        return "/" + article.section() + "/" + article.slug();
    }

    /** "nasional" is shown as "Nasional". */
    static String label(String section) {
        return section.isEmpty() ? section : section.substring(0, 1).toUpperCase(Locale.ROOT) + section.substring(1);
    }
}
