package id.warta.site;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

import id.warta.content.AccessLevel;
import id.warta.content.Article;
import id.warta.time.Jakarta;

/**
 * The article page's {@code NewsArticle} block, written with Jackson's streaming generator (no data
 * binding). The text goes into a {@code <script>} element, so {@code <}, {@code >} and {@code &} are
 * written as {@code \u003c}-style escapes: no headline can close the element or open a comment.
 */
final class JsonLd {
    /** The element of the article page that holds the part continued behind the paywall. */
    static final String PAYWALLED_SELECTOR = ".paywalled";

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final CharacterEscapes SCRIPT_SAFE = new ScriptSafeEscapes();

    private JsonLd() {
    }

    static String newsArticle(Article article, String canonical, String siteUrl) {
        var summary = article.summary();
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setCharacterEscapes(SCRIPT_SAFE);
            json.writeStartObject();
            json.writeStringField("@context", "https://schema.org");
            json.writeStringField("@type", "NewsArticle");
            json.writeObjectFieldStart("mainEntityOfPage");
            json.writeStringField("@type", "WebPage");
            json.writeStringField("@id", canonical);
            json.writeEndObject();
            json.writeStringField("headline", summary.title());
            json.writeStringField("description", summary.summary());
            if (summary.image() != null) {
                json.writeArrayFieldStart("image");
                json.writeString(summary.image().url());
                json.writeEndArray();
            }
            json.writeStringField("datePublished", iso(summary.publishedAt()));
            json.writeStringField("dateModified", iso(article.modifiedAt()));
            json.writeArrayFieldStart("author");
            json.writeStartObject();
            json.writeStringField("@type", "Person");
            json.writeStringField("name", article.reporter());
            json.writeEndObject();
            json.writeEndArray();
            json.writeObjectFieldStart("publisher");
            json.writeStringField("@type", "NewsMediaOrganization");
            json.writeStringField("name", "Warta");
            json.writeStringField("url", siteUrl + "/");
            json.writeEndObject();
            json.writeStringField("articleSection", summary.section());
            json.writeStringField("inLanguage", "id");
            boolean free = summary.accessLevel() == AccessLevel.FREE;
            json.writeBooleanField("isAccessibleForFree", free);
            if (!free) {
                json.writeObjectFieldStart("hasPart");
                json.writeStringField("@type", "WebPageElement");
                json.writeBooleanField("isAccessibleForFree", false);
                json.writeStringField("cssSelector", PAYWALLED_SELECTOR);
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String iso(Instant instant) {
        return Jakarta.iso(instant);
    }

    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        ScriptSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
