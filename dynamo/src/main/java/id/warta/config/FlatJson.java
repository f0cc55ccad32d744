package id.warta.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Small JSON objects of string fields (page cursors, the signing key set), read with the streaming parser: no data binding. */
public final class FlatJson {
    private static final JsonFactory JSON = new JsonFactory();

    private FlatJson() {
    }

    /**
     * The string fields of a flat JSON object; fields of other types are skipped.
     *
     * @throws IllegalArgumentException when the text is not one JSON object
     */
    public static Map<String, String> stringFields(String json) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("Not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    fields.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IllegalArgumentException("Not one JSON object");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed JSON", e);
        }
        return fields;
    }
}
