package id.warta.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.BiConsumer;

/** Times in request bodies: ISO-8601 with an offset, the one form the API accepts (api.md). */
public final class JsonTimes {
    /** What a client is told when a time field is not in that form. */
    public static final String PROBLEM = "waktu ISO-8601 dengan zona, mis. 2027-01-01T08:00:00+07:00, atau null";

    private JsonTimes() {
    }

    /**
     * The object's {@code field} as an instant, or null when it is absent or JSON null. Any other
     * value that is not an ISO-8601 time with an offset is reported to {@code problems} (field, message)
     * and read as null.
     */
    public static Instant optionalTime(JsonNode object, String field, BiConsumer<String, String> problems) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            problems.accept(field, PROBLEM);
            return null;
        }
    }
}
