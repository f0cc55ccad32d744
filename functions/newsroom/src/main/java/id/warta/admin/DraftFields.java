package id.warta.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.warta.content.Image;
import id.warta.errors.FieldProblems;
import id.warta.http.JsonTimes;
import id.warta.newsroom.ArticleDraft;
import id.warta.newsroom.VideoDraft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the body of {@code PUT /admin/articles/{slug}} into an {@link ArticleDraft}, or of
 * {@code PUT /admin/videos/{id}} into a {@link VideoDraft}. A field of the
 * wrong JSON type is left null in the draft and its problem noted here; the domain's rules name
 * what is wrong with the values themselves.
 */
final class DraftFields {
    private final ObjectNode body;
    private final Map<String, String> typeProblems = new LinkedHashMap<>();

    DraftFields(ObjectNode body) {
        this.body = body;
    }

    ArticleDraft article() {
        return new ArticleDraft(text("title"), text("summary"), text("section"), text("edition"), bool("coverStory"),
                bool("sponsored"), text("reporter"), text("editor"), texts("sources"), texts("tags"), image("image"),
                texts("body"), JsonTimes.optionalTime(body, "publishAt", typeProblems::put), text("editorsPick"));
    }

    VideoDraft video() {
        return new VideoDraft(text("title"), text("summary"), image("thumbnail"), text("videoUrl"),
                integer("durationSeconds"), JsonTimes.optionalTime(body, "publishAt", typeProblems::put));
    }

    /**
     * Refuses a body with fields of the wrong JSON type, naming those and whatever else the draft's
     * {@code rules} find: a type problem takes precedence over the rules' verdict on the (null) value.
     */
    void refuseWrongTypes(Consumer<FieldProblems> rules) {
        if (!typeProblems.isEmpty()) {
            FieldProblems problems = new FieldProblems();
            rules.accept(problems);
            typeProblems.forEach(problems::add);
            problems.throwIfAny();
        }
    }

    private String text(String field) {
        return text(body, field, field);
    }

    private String text(JsonNode object, String field, String name) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            typeProblems.put(name, "harus teks");
            return null;
        }
        return value.asText();
    }

    private Boolean bool(String field) {
        JsonNode value = body.get(field);
        return value != null && value.isBoolean() ? value.asBoolean() : null;
    }

    /** A whole number that fits an int; anything else is left null for the rules to name. */
    private Integer integer(String field) {
        JsonNode value = body.get(field);
        return value != null && value.canConvertToExactIntegral() && value.canConvertToInt() ? value.asInt() : null;
    }

    private List<String> texts(String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isArray()) {
            return null;
        }
        List<String> texts = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                typeProblems.put(field, "daftar teks");
                return null;
            }
            texts.add(element.asText());
        }
        return texts;
    }

    private Image image(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            typeProblems.put(field, "objek {url, caption, credit} atau null");
            return null;
        }
        return new Image(text(value, "url", field + ".url"), text(value, "caption", field + ".caption"),
                text(value, "credit", field + ".credit"));
    }
}
