package id.warta.site;

import id.warta.content.ArticleFilter;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;
import id.warta.content.Page;
import id.warta.time.Jakarta;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What search engines and feed readers fetch: robots.txt, the sitemap (an index of numbered parts
 * once there are more URLs than one sitemap may hold), the Google News sitemap of the last 48 hours,
 * and RSS 2.0 feeds of the whole site and of each section. XML is written with the JDK's StAX
 * writer, which escapes every text and attribute.
 */
final class Feeds {
    /** The sitemap protocol's limit of URLs in one file. */
    static final int SITEMAP_LIMIT = 50_000;
    /** Google News: articles of the last two days only, at most 1,000 in one sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final int NEWS_LIMIT = 1_000;
    static final int FEED_ITEMS = 20;
    private static final int LISTING_PAGE = 1_000;
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final ContentRepository content;
    private final SiteLinks links;
    private final Clock clock;
    private final int sitemapLimit;

    Feeds(ContentRepository content, SiteLinks links, Clock clock, int sitemapLimit) {
        this.content = content;
        this.links = links;
        this.clock = clock;
        this.sitemapLimit = sitemapLimit;
    }

    SiteResponse robots() {
        String body = "User-agent: *\nAllow: /\n\nSitemap: " + links.absolute("/sitemap.xml")
                + "\nSitemap: " + links.absolute("/news-sitemap.xml") + "\n";
        return SiteResponse.of(200, SiteResponse.TEXT, body, CachePolicy.PAGE);
    }

    private record Url(String location, Instant lastModified) {
    }

    /** Every page worth indexing: the home page, the video page, each section, each published article. */
    private List<Url> everyUrl() {
        List<ArticleSummary> articles = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<ArticleSummary> page = content.listArticles(ArticleFilter.ALL, LISTING_PAGE, cursor);
            articles.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        List<Url> urls = new ArrayList<>();
        Instant newest = articles.isEmpty() ? null : articles.getFirst().publishedAt();
        urls.add(new Url(links.absolute("/"), newest));
        urls.add(new Url(links.absolute("/video"), null));
        Set<String> sections = new LinkedHashSet<>();
        articles.forEach(article -> sections.add(article.section()));
        sections.forEach(section -> urls.add(new Url(links.absolute(links.section(section)), null)));
        articles.forEach(article -> urls.add(new Url(links.absolute(links.article(article)), article.publishedAt())));
        return urls;
    }

    /** The sitemap, or, beyond the limit, the index of its parts. */
    SiteResponse sitemap() {
        List<Url> urls = everyUrl();
        if (urls.size() <= sitemapLimit) {
            return xml(urlSet(urls));
        }
        int parts = (urls.size() + sitemapLimit - 1) / sitemapLimit;
        return xml(write(xml -> {
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(SITEMAP_NS);
            for (int part = 1; part <= parts; part++) {
                xml.writeStartElement("sitemap");
                element(xml, "loc", links.absolute(sitemapPartPath(part)));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }));
    }

    static String sitemapPartPath(int part) {
        return "/sitemap-" + part + ".xml";
    }

    /** Part {@code part} (from 1) of a sitemap index; empty when there is no such part. */
    Optional<SiteResponse> sitemapPart(int part) {
        List<Url> urls = everyUrl();
        int from = (part - 1) * sitemapLimit;
        if (urls.size() <= sitemapLimit || part < 1 || from >= urls.size()) {
            return Optional.empty();
        }
        return Optional.of(xml(urlSet(urls.subList(from, Math.min(urls.size(), from + sitemapLimit)))));
    }

    private String urlSet(List<Url> urls) {
        return write(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            for (Url url : urls) {
                xml.writeStartElement("url");
                element(xml, "loc", url.location());
                if (url.lastModified() != null) {
                    element(xml, "lastmod", Jakarta.iso(url.lastModified()));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    SiteResponse newsSitemap() {
        List<ArticleSummary> recent = content.publishedSince(clock.instant().minus(NEWS_WINDOW), NEWS_LIMIT);
        return xml(write(xml -> {
            xml.setPrefix("news", NEWS_NS);
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            xml.writeNamespace("news", NEWS_NS);
            for (ArticleSummary article : recent) {
                xml.writeStartElement("url");
                element(xml, "loc", links.absolute(links.article(article)));
                xml.writeStartElement(NEWS_NS, "news");
                xml.writeStartElement(NEWS_NS, "publication");
                xml.writeStartElement(NEWS_NS, "name");
                xml.writeCharacters("Warta");
                xml.writeEndElement();
                xml.writeStartElement(NEWS_NS, "language");
                xml.writeCharacters("id");
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement(NEWS_NS, "publication_date");
                xml.writeCharacters(Jakarta.iso(article.publishedAt()));
                xml.writeEndElement();
                xml.writeStartElement(NEWS_NS, "title");
                xml.writeCharacters(article.title());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }));
    }

    /** The RSS 2.0 feed of the whole site, or of one section (empty when the section has no article). */
    Optional<SiteResponse> rss(Optional<String> section) {
        List<ArticleSummary> latest = content.listArticles(new ArticleFilter(section, Optional.empty()), FEED_ITEMS,
                Optional.empty()).items();
        if (section.isPresent() && latest.isEmpty()) {
            return Optional.empty();
        }
        String title = section.map(s -> "Warta - " + SiteLinks.label(s)).orElse("Warta");
        String home = links.absolute(section.map(links::section).orElse("/"));
        String self = links.absolute(section.map(s -> links.section(s) + "/rss.xml").orElse("/rss.xml"));
        String body = write(xml -> {
            xml.setPrefix("atom", ATOM_NS);
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("atom", ATOM_NS);
            xml.writeStartElement("channel");
            element(xml, "title", title);
            element(xml, "link", home);
            element(xml, "description", section.map(s -> "Berita terbaru rubrik " + SiteLinks.label(s) + " dari Warta")
                    .orElse("Berita terbaru dari Warta"));
            element(xml, "language", "id");
            element(xml, "lastBuildDate", rfc1123(latest.isEmpty() ? clock.instant() : latest.getFirst().publishedAt()));
            xml.writeEmptyElement(ATOM_NS, "link");
            xml.writeAttribute("href", self);
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (ArticleSummary article : latest) {
                String link = links.absolute(links.article(article));
                xml.writeStartElement("item");
                element(xml, "title", article.title());
                element(xml, "link", link);
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "true");
                xml.writeCharacters(link);
                xml.writeEndElement();
                element(xml, "description", article.summary());
                element(xml, "category", SiteLinks.label(article.section()));
                element(xml, "pubDate", rfc1123(article.publishedAt()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
        return Optional.of(SiteResponse.of(200, SiteResponse.RSS, body, CachePolicy.PAGE));
    }

    private static String rfc1123(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static SiteResponse xml(String body) {
        return SiteResponse.of(200, SiteResponse.XML, body, CachePolicy.PAGE);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private interface XmlBody {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String write(XmlBody body) {
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write XML", e);
        }
        return out.toString();
    }
}
