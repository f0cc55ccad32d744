package id.warta.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.warta.errors.FieldProblems;
import id.warta.http.ApiRequest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads the fields of one JSON request body, collecting every problem for one 400 VALIDATION_FAILED. */
final class RequestFields {
    private final ObjectNode body;
    private final FieldProblems problems = new FieldProblems();

    RequestFields(ApiRequest request) {
        this.body = request.jsonObject(false);
    }

    /** A string field; null when absent or not a string (the domain's validation names what is wrong). */
    String optionalText(String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    String text(String field) {
        String value = optionalText(field);
        if (value == null || value.isEmpty()) {
            problems.add(field, FieldProblems.REQUIRED);
        }
        return value;
    }

    /** A required string field of at most {@code maxLength} characters. */
    String text(String field, int maxLength) {
        String value = text(field);
        if (value != null && value.length() > maxLength) {
            problems.add(field, "maksimal " + maxLength + " karakter");
        }
        return value;
    }

    boolean bool(String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isBoolean()) {
            problems.add(field, "harus true atau false");
            return false;
        }
        return value.asBoolean();
    }

    /** A boolean field that may be left out (or null), meaning false. */
    boolean optionalBool(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        return bool(field);
    }

    /** An ISO-8601 time with offset, or null when absent or null. */
    Instant optionalTime(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(field, "harus waktu ISO-8601 dengan zona, mis. 2027-01-01T00:00:00+07:00");
            return null;
        }
    }

    void check() {
        problems.throwIfAny();
    }
}
