package id.warta.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.warta.errors.FieldProblems;
import id.warta.http.ApiRequest;
import id.warta.http.JsonTimes;

import java.time.Instant;

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
        return JsonTimes.optionalTime(body, field, problems::add);
    }

    void check() {
        problems.throwIfAny();
    }
}
