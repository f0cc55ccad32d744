package id.warta.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON in and out. Response bodies (records, lists, maps of plain values) are written with jackson-jr,
 * which needs a few dozen classes where jackson-databind needs some five hundred: a cold start that
 * answers a read or a view loads no databind at all. Request bodies are read as trees with the one
 * ObjectMapper of the container, built on first use (building one is expensive, sharing it is
 * thread-safe), or only checked with the streaming parser. Both read through one factory's rules.
 */
public final class Json {
    private static final JsonFactory READING = JsonFactory.builder()
            // {"email":"a@b.id","email":"c@d.id"}: two readers of one body (a proxy, a WAF, this
            // function) must never see different values, so an object with a repeated key is refused.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Request bodies are capped at 64 KiB; deep nesting is the only other way to make parsing expensive.
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();
    /** Nulls are written: the contract has {@code "nextCursor": null}, {@code "meter": null} and the like. */
    private static final JSON WRITER = JSON.builder().enable(JSON.Feature.WRITE_NULL_PROPERTIES).build();

    private Json() {
    }

    /** The JSON text of a response body. */
    public static String write(Object body) {
        try {
            return WRITER.asString(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Response body is not serialisable", e);
        }
    }

    /** Whether the text is one JSON object and nothing after it, under the reading rules. */
    public static boolean isOneObject(String text) {
        try (JsonParser parser = READING.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException malformed) {
            return false;
        }
    }

    public static ObjectMapper mapper() {
        return Reader.MAPPER;
    }

    /** Holds the mapper, so that only a request with a body to read pays for building it. */
    private static final class Reader {
        private static final ObjectMapper MAPPER = JsonMapper.builder(READING)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
