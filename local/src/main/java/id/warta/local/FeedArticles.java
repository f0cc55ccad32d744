package id.warta.local;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import id.warta.content.Slugs;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps the items of an RSS 2.0 or Atom feed (parsed by Rome) to the body of {@code PUT
 * /admin/articles/{slug}}: the slug from the link's last path segment (else the title), the summary
 * from the description (else the first paragraph), body paragraphs from the content's {@code <p>}
 * elements or blank-line-separated text, the image from an image enclosure or a Media RSS
 * {@code media:content} / {@code media:thumbnail}, the section from the first category.
 */
final class FeedArticles {
    private static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");
    private static final int MAX_SUMMARY = 1000;
    private static final int MAX_NAME = 100;
    private static final int MAX_LABEL = 60;
    private static final int MAX_TAGS = 20;

    /** One article to publish: its slug and the PUT body. */
    record Item(String slug, Map<String, Object> body) {
    }

    private FeedArticles() {
    }

    /** @param defaultSection the section of items without a category */
    static List<Item> of(SyndFeed feed, String defaultSection) {
        String source = clip(text(Optional.ofNullable(feed.getTitle()).orElse("")), MAX_LABEL);
        return feed.getEntries().stream().map(entry -> item(entry, source, defaultSection)).toList();
    }

    private static Item item(SyndEntry entry, String source, String defaultSection) {
        String title = text(Objects.requireNonNullElse(entry.getTitle(), ""));
        List<String> paragraphs = paragraphs(entry.getContents().isEmpty() ? entry.getDescription()
                : entry.getContents().getFirst());
        String description = entry.getDescription() == null ? "" : text(entry.getDescription().getValue());
        if (paragraphs.isEmpty() && !description.isBlank()) {
            paragraphs = List.of(description);
        }
        List<String> categories = entry.getCategories().stream().map(SyndCategory::getName).filter(Objects::nonNull)
                .map(String::strip).filter(c -> !c.isEmpty()).toList();
        String section = categories.stream().map(Slugs::from).filter(s -> !s.isEmpty() && s.length() <= 64)
                .findFirst().orElse(defaultSection);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("summary", clip(description.isBlank() ? paragraphs.stream().findFirst().orElse("") : description, MAX_SUMMARY));
        body.put("section", section);
        body.put("edition", "web");
        body.put("coverStory", false);
        body.put("sponsored", false);
        body.put("reporter", clip(author(entry).orElse(source.isEmpty() ? "Redaksi" : source), MAX_NAME));
        body.put("editor", "Redaksi");
        body.put("sources", source.isEmpty() ? List.of() : List.of(source));
        body.put("tags", categories.stream().map(c -> clip(c, MAX_LABEL)).distinct().limit(MAX_TAGS).toList());
        body.put("image", image(entry, title, source).orElse(null));
        body.put("body", paragraphs);
        body.put("publishAt", Optional.ofNullable(entry.getPublishedDate()).or(() -> Optional.ofNullable(entry.getUpdatedDate()))
                .map(date -> date.toInstant().toString()).orElse(null));
        body.put("editorsPick", null);
        return new Item(slug(entry.getLink(), title), body);
    }

    /** The link's last path segment (without a file extension) when it makes a slug, else the title's. */
    static String slug(String link, String title) {
        if (link != null) {
            try {
                String[] segments = Optional.ofNullable(URI.create(link.strip()).getPath()).orElse("").split("/");
                Optional<String> last = Arrays.stream(segments).filter(s -> !s.isBlank()).reduce((a, b) -> b)
                        .map(s -> s.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "")).map(Slugs::from)
                        .filter(s -> s.length() >= 8);
                if (last.isPresent()) {
                    return last.get();
                }
            } catch (IllegalArgumentException e) {
                // Not a URI: the title makes the slug.
            }
        }
        return Slugs.from(title);
    }

    /** Paragraphs of HTML ({@code <p>} elements) or of plain text (separated by blank lines). */
    static List<String> paragraphs(SyndContent content) {
        if (content == null || content.getValue() == null) {
            return List.of();
        }
        String value = content.getValue();
        boolean html = content.getType() == null || content.getType().contains("html");
        if (html) {
            Document document = Jsoup.parseBodyFragment(value);
            List<String> paragraphs = document.select("p").eachText().stream().map(String::strip)
                    .filter(p -> !p.isEmpty()).toList();
            if (!paragraphs.isEmpty()) {
                return paragraphs;
            }
            value = document.wholeText();
        }
        return Arrays.stream(value.split("\\R\\s*\\R")).map(p -> p.strip().replaceAll("\\s+", " "))
                .filter(p -> !p.isEmpty()).toList();
    }

    private static Optional<String> author(SyndEntry entry) {
        String author = entry.getAuthor();
        if (author == null || author.isBlank()) {
            return Optional.empty();
        }
        // RSS writes "address (Name)": the name is the byline, the address is left out.
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("\\(([^)]+)\\)").matcher(author);
        return Optional.of(named.find() ? named.group(1).strip() : author.contains("@") ? "Redaksi" : author.strip());
    }

    private static Optional<Map<String, String>> image(SyndEntry entry, String title, String source) {
        Optional<String> enclosure = entry.getEnclosures().stream()
                .filter(e -> e.getType() != null && e.getType().startsWith("image/")).map(SyndEnclosure::getUrl).findFirst();
        List<Element> media = new ArrayList<>();
        for (Element element : entry.getForeignMarkup()) {
            if (MEDIA.getURI().equals(element.getNamespaceURI())
                    && (element.getName().equals("content") || element.getName().equals("thumbnail"))) {
                media.add(element);
            }
        }
        Optional<Element> first = media.stream().filter(e -> e.getAttributeValue("url") != null).findFirst();
        Optional<String> url = enclosure.or(() -> first.map(e -> e.getAttributeValue("url")));
        return url.map(u -> {
            String caption = first.map(e -> e.getChildTextNormalize("description", MEDIA)).filter(c -> c != null && !c.isEmpty())
                    .orElse(title);
            String credit = first.map(e -> e.getChildTextNormalize("credit", MEDIA)).filter(c -> c != null && !c.isEmpty())
                    .orElse(source.isEmpty() ? "Redaksi" : source);
            Map<String, String> image = new LinkedHashMap<>();
            image.put("url", u);
            image.put("caption", clip(caption, MAX_SUMMARY));
            image.put("credit", clip(credit, MAX_NAME));
            return image;
        });
    }

    private static String text(String html) {
        return Jsoup.parseBodyFragment(html).text().strip();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
