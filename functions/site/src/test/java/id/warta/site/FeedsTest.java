package id.warta.site;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import id.warta.content.Edition;
import id.warta.testing.SampleContent;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** robots.txt, the sitemaps and the RSS feeds, read back with Rome and the JDK's namespace-aware XML parser. */
class FeedsTest {
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    private final SiteFixture site = new SiteFixture();

    private static Document xml(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).isEqualTo(200);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.getBody())));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + response.getBody(), e);
        }
    }

    private static List<String> texts(Document document, String namespace, String element) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static SyndFeed rss(APIGatewayV2HTTPResponse response) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("content-type")).isEqualTo("application/rss+xml; charset=utf-8");
        return new SyndFeedInput().build(new StringReader(response.getBody()));
    }

    @Test
    void robotsTxtAllowsEverythingAndPointsAtBothSitemaps() {
        APIGatewayV2HTTPResponse response = site.fixture("robots");

        assertThat(response.getHeaders().get("content-type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.getBody().lines()).contains("User-agent: *", "Allow: /",
                "Sitemap: https://warta.example/sitemap.xml", "Sitemap: https://warta.example/news-sitemap.xml");
    }

    @Test
    void theSitemapListsTheHomePageEverySectionAndEveryArticle() {
        Document sitemap = xml(site.fixture("sitemap"));

        assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
        List<String> locations = texts(sitemap, SITEMAP_NS, "loc");
        assertThat(locations).contains("https://warta.example/", "https://warta.example/video", "https://warta.example/ekonomi",
                "https://warta.example/ekonomi/" + SiteFixture.FREE, "https://warta.example/ekonomi/" + SiteFixture.COVER,
                "https://warta.example/ekonomi/arsip-ekonomi-24");
        assertThat(locations).hasSize(3 + 28).doesNotHaveDuplicates();
        assertThat(texts(sitemap, SITEMAP_NS, "lastmod")).contains("2026-12-04T10:10:00+07:00");
    }

    @Test
    void beyondTheLimitTheSitemapIsAnIndexOfPartsThatTogetherHoldEveryUrl() {
        int limit = 10;
        SiteHandler handler = site.handler(site.content, limit);
        Document index = xml(SiteFixture.get(handler, "/sitemap.xml"));

        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        List<String> parts = texts(index, SITEMAP_NS, "loc");
        assertThat(parts).containsExactly("https://warta.example/sitemap-1.xml", "https://warta.example/sitemap-2.xml",
                "https://warta.example/sitemap-3.xml", "https://warta.example/sitemap-4.xml");
        List<String> all = new ArrayList<>();
        for (String part : parts) {
            List<String> urls = texts(xml(SiteFixture.get(handler, part.substring("https://warta.example".length()))), SITEMAP_NS, "loc");
            assertThat(urls.size()).isLessThanOrEqualTo(limit);
            all.addAll(urls);
        }
        assertThat(all).hasSize(31).doesNotHaveDuplicates().contains("https://warta.example/ekonomi/" + SiteFixture.FREE);
        assertThat(SiteFixture.get(handler, "/sitemap-5.xml").getStatusCode()).isEqualTo(404);
    }

    @Test
    void theNewsSitemapHoldsTheArticlesOfTheLast48HoursInTheGoogleNewsFormat() {
        site.save(SampleContent.article("dua-hari-lewat", "nasional", Edition.WEB, false,
                SiteFixture.NOW.minus(Duration.ofHours(49))));

        Document news = xml(site.fixture("news-sitemap"));

        assertThat(texts(news, SITEMAP_NS, "loc")).containsExactly("https://warta.example/ekonomi/" + SiteFixture.FREE,
                "https://warta.example/ekonomi/" + SiteFixture.METERED, "https://warta.example/ekonomi/" + SiteFixture.COVER);
        assertThat(texts(news, NEWS_NS, "name")).containsOnly("Warta");
        assertThat(texts(news, NEWS_NS, "language")).containsOnly("id");
        assertThat(texts(news, NEWS_NS, "publication_date").getFirst()).isEqualTo("2026-12-04T10:10:00+07:00");
        assertThat(texts(news, NEWS_NS, "title").getFirst()).isEqualTo("Judul " + SiteFixture.FREE);
        Element url = (Element) news.getElementsByTagNameNS(SITEMAP_NS, "url").item(0);
        assertThat(url.getElementsByTagNameNS(NEWS_NS, "publication").getLength()).isEqualTo(1);
    }

    @Test
    void theSiteFeedIsRss20OfTheLatestArticles() throws Exception {
        SyndFeed feed = rss(site.fixture("rss"));

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Warta");
        assertThat(feed.getLanguage()).isEqualTo("id");
        assertThat(feed.getLink()).isEqualTo("https://warta.example/");
        assertThat(feed.getEntries()).hasSize(Feeds.FEED_ITEMS);
        SyndEntry first = feed.getEntries().getFirst();
        assertThat(first.getTitle()).isEqualTo("Judul " + SiteFixture.FREE);
        assertThat(first.getLink()).isEqualTo("https://warta.example/ekonomi/" + SiteFixture.FREE);
        assertThat(first.getDescription().getValue()).isEqualTo("Ringkasan " + SiteFixture.FREE);
        assertThat(first.getPublishedDate().toInstant()).isEqualTo(SiteFixture.NOW.minus(Duration.ofMinutes(5)));
        assertThat(first.getCategories()).extracting(c -> c.getName()).containsExactly("Ekonomi");
    }

    @Test
    void aSectionFeedHoldsOnlyThatSectionAndAnEmptySectionHasNone() throws Exception {
        site.save(SampleContent.article("banjir-demak", "nasional", Edition.WEB, false, SiteFixture.NOW));

        SyndFeed feed = rss(site.get("/nasional/rss.xml"));

        assertThat(feed.getTitle()).isEqualTo("Warta - Nasional");
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink).containsExactly("https://warta.example/nasional/banjir-demak");
        assertThat(rss(site.fixture("section-rss")).getEntries()).allSatisfy(e -> assertThat(e.getLink()).contains("/ekonomi/"));
        assertThat(site.get("/olahraga/rss.xml").getStatusCode()).isEqualTo(404);
    }

    @Test
    void hostileTitlesAreEscapedInEveryFeed() throws Exception {
        site.save(SampleContent.article("judul-jahat", "ekonomi", Edition.WEB, false, SiteFixture.NOW));
        var article = site.content.findArticle("judul-jahat").orElseThrow();
        String hostile = "</title><script>alert(1)</script> & <![CDATA[";
        site.save(new id.warta.content.Article(new id.warta.content.ArticleSummary(article.summary().id(), "judul-jahat",
                hostile, hostile, "ekonomi", Edition.WEB, false, SiteFixture.NOW, null, false, List.of()),
                "R", "E", List.of(), null, List.of("p")));

        assertThat(rss(site.get("/rss.xml")).getEntries().getFirst().getTitle()).isEqualTo(hostile);
        assertThat(texts(xml(site.get("/news-sitemap.xml")), NEWS_NS, "title").getFirst()).isEqualTo(hostile);
    }
}
