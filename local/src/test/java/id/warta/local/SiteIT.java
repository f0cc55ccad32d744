package id.warta.local;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import id.warta.content.AccessLevel;
import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader site over HTTP, served by the site function from the seeded tables through the site's
 * own local server, as a browser and a search engine see it: every path this issue covers, with its
 * cache and security headers.
 */
class SiteIT {
    private static final String PAGE_CACHE = "public, max-age=60, stale-while-revalidate=300";
    private static final String FREE = "harga-beras-medium-naik-di-pasar-induk";
    private static final String METERED = "petani-karawang-tunda-tanam-karena-pupuk-langka";
    private static final String COVER = "jerat-tengkulak-di-lumbung-padi";
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final TestStack stack = TestStack.shared();

    private Article seeded(String slug) {
        return stack.seeded().articles().stream().filter(a -> a.slug().equals(slug)).findFirst().orElseThrow();
    }

    private static Document html(TestStack.Response response) {
        assertThat(response.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        return Jsoup.parse(response.body());
    }

    private static void assertSecurityHeaders(String label, TestStack.Response response) {
        assertThat(response.status()).as(label).isLessThan(500);
        assertThat(response.header("Content-Security-Policy")).as(label)
                .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(response.header("X-Content-Type-Options")).as(label).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).as(label).isNotBlank();
    }

    @Test
    void everyReaderIndependentPathIsPublicForAMinuteAndCarriesTheSecurityHeaders() {
        Article free = seeded(FREE);
        for (String path : List.of("/", "/" + free.summary().section(), "/" + free.summary().section() + "/" + FREE,
                "/" + seeded(METERED).summary().section() + "/" + METERED, "/video", "/masuk", "/daftar", "/lupa-kata-sandi",
                "/sitemap.xml", "/news-sitemap.xml", "/rss.xml", "/" + free.summary().section() + "/rss.xml", "/robots.txt")) {
            TestStack.Response response = stack.page(path);

            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.header("Cache-Control")).as(path).isEqualTo(PAGE_CACHE);
            assertSecurityHeaders(path, response);
        }
    }

    @Test
    void theHomePageListsTheSeededArticlesAndItsStylesheetIsImmutable() {
        TestStack.Response response = stack.page("/");
        Document page = html(response);

        assertThat(page.select("h2").eachText()).contains("Terbaru", "Pilihan Editor", "Video Pilihan");
        String newest = stack.seeded().articles().stream().max((a, b) -> a.summary().publishedAt().compareTo(b.summary().publishedAt()))
                .orElseThrow().summary().title();
        assertThat(page.select("section.latest h3").eachText()).contains(newest);
        TestStack.Response css = stack.page(page.selectFirst("link[rel=stylesheet]").attr("href"));
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertSecurityHeaders("stylesheet", css);
    }

    @Test
    void aMeteredPageHtmlContainsNoParagraphBeyondTheTeaser() {
        for (String slug : List.of(METERED, COVER)) {
            Article article = seeded(slug);
            assertThat(article.summary().accessLevel()).isNotEqualTo(AccessLevel.FREE);

            TestStack.Response response = stack.page("/" + article.summary().section() + "/" + slug);
            Document page = html(response);

            assertThat(response.header("Cache-Control")).as(slug).isEqualTo(PAGE_CACHE);
            assertThat(page.select("#article-body > p").eachText()).as(slug).containsExactlyElementsOf(article.teaser());
            for (String paragraph : article.body().subList(article.teaser().size(), article.body().size())) {
                assertThat(response.body()).as(slug).doesNotContain(paragraph);
            }
            assertThat(page.selectFirst("script[type=application/ld+json]").data()).contains("\"isAccessibleForFree\":false");
        }
    }

    @Test
    void aFreeArticleIsWholeWithItsCanonicalLinkAndAnArticleUnderAnotherSectionMovesToIt() {
        Article article = seeded(FREE);
        String own = "/" + article.summary().section() + "/" + FREE;

        Document page = html(stack.page(own));
        TestStack.Response elsewhere = stack.page("/olahraga/" + FREE);

        assertThat(page.select("#article-body > p").eachText()).containsExactlyElementsOf(article.body());
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(stack.site() + own);
        assertThat(page.selectFirst(".ad-label").text()).isEqualTo("Iklan");
        assertThat(elsewhere.status()).isEqualTo(301);
        assertThat(elsewhere.header("Location")).isEqualTo(own);
        assertSecurityHeaders("301", elsewhere);
    }

    @Test
    void unknownPathsSectionsAndArticlesAreTheHtml404Page() {
        for (String path : List.of("/tidak-ada", "/ekonomi/tidak-ada-artikel", "/a/b/c", "/articles", "/ekonomi/rss.xml/x",
                "/assets/site.css")) {
            TestStack.Response response = stack.page(path);

            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(html(response).selectFirst("h1").text()).as(path).isEqualTo("Halaman tidak ditemukan");
            assertSecurityHeaders(path, response);
        }
    }

    @Test
    void theEmailLinkPagesAreNeverStoredAndSendNoReferrer() {
        for (String path : List.of("/aktivasi?token=abc", "/reset-password?token=abc")) {
            TestStack.Response response = stack.page(path);

            assertThat(response.header("Cache-Control")).as(path).isEqualTo("no-store");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(html(response).selectFirst("meta[name=warta-api]").attr("content")).isEqualTo(stack.api().toString());
        }
    }

    @Test
    void aSectionPagesThroughAllItsArticlesWithBerikutnya() {
        String section = "ekonomi";
        Set<String> expected = new java.util.HashSet<>(stack.seeded().articles().stream()
                .map(Article::summary).filter(s -> s.section().equals(section)).map(ArticleSummary::slug).toList());
        List<String> seen = new ArrayList<>();
        String next = "/" + section;
        for (int pages = 0; next != null && pages < 10; pages++) {
            Document page = html(stack.page(next));
            page.select("section.latest h3 a").eachAttr("href").forEach(href -> seen.add(href.substring(href.lastIndexOf('/') + 1)));
            Element more = page.selectFirst("a[rel=next]");
            next = more == null ? null : more.attr("href");
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(expected);
    }

    @Test
    void theSitemapNewsSitemapAndFeedsListPublishedArticles() throws Exception {
        org.w3c.dom.Document sitemap = xml(stack.page("/sitemap.xml").body());
        NodeList locations = sitemap.getElementsByTagNameNS(SITEMAP_NS, "loc");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < locations.getLength(); i++) {
            urls.add(locations.item(i).getTextContent());
        }
        Article free = seeded(FREE);
        assertThat(urls).contains(stack.site() + "/" + free.summary().section() + "/" + FREE);
        assertThat(urls).hasSizeGreaterThanOrEqualTo(stack.seeded().articles().size());

        assertThat(xml(stack.page("/news-sitemap.xml").body()).getDocumentElement().getLocalName()).isEqualTo("urlset");

        SyndFeed feed = new SyndFeedInput().build(new StringReader(stack.page("/rss.xml").body()));
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getEntries()).isNotEmpty().allSatisfy(entry -> assertThat(entry.getLink()).startsWith(stack.site().toString()));
        SyndFeed section = new SyndFeedInput().build(new StringReader(stack.page("/ekonomi/rss.xml").body()));
        assertThat(section.getEntries()).extracting(SyndEntry::getLink).allSatisfy(link -> assertThat(link).contains("/ekonomi/"));

        assertThat(stack.page("/robots.txt").body()).contains("Sitemap: " + stack.site() + "/sitemap.xml");
    }

    @Test
    void otherMethodsThanGetAreAnHtml405() {
        TestStack.Response response = stack.sendToSite("POST", "/ekonomi", "{}");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD");
        assertSecurityHeaders("POST", response);
    }

    @Test
    void aFormSentWithoutJavaScriptIsSentOnToThePageThatSaysWhy() {
        for (String form : List.of("/masuk", "/daftar", "/lupa-kata-sandi")) {
            TestStack.Response sent = stack.sendToSite("POST", form, "email=sari%40contoh.id&password=rahasia-sekali");

            assertThat(sent.status() + " to " + sent.header("Location")).as(form).isEqualTo("303 to /perlu-javascript");
        }
        assertThat(stack.page("/perlu-javascript").body()).contains("JavaScript diperlukan");
    }

    private static org.w3c.dom.Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
    }
}
