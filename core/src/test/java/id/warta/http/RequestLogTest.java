package id.warta.http;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogTest {
    private final List<String> lines = new ArrayList<>();
    private final RequestLog log = new RequestLog("articles", lines::add);

    @Test
    void writesOneParsableJsonLinePerRequest() throws Exception {
        log.write("req-1", "GET /articles/{slug}", 404, 1_500, "ARTICLE_NOT_FOUND", null);

        JsonNode line = Json.mapper().readTree(lines.getFirst());
        assertThat(line.path("function").asText()).isEqualTo("articles");
        assertThat(line.path("requestId").asText()).isEqualTo("req-1");
        assertThat(line.path("route").asText()).isEqualTo("GET /articles/{slug}");
        assertThat(line.path("status").asInt()).isEqualTo(404);
        assertThat(line.path("durationMs").asDouble()).isEqualTo(1.5);
        assertThat(line.path("error").asText()).isEqualTo("ARTICLE_NOT_FOUND");
        assertThat(lines.getFirst()).doesNotContain("\n");
    }

    @Test
    void escapesAnythingAStringCanHoldAndNestsMapsAndLists() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", "quote \" backslash \\ newline \n tab \t nul \u0000 bell \u0007 emoji 😀");
        fields.put("nested", Map.of("count", 3, "ok", true));
        fields.put("list", List.of(1, "two", false));
        fields.put("missing", null);
        fields.put("notANumber", Double.NaN);

        log.event(fields);

        JsonNode line = Json.mapper().readTree(lines.getFirst());
        assertThat(line.path("text").asText()).isEqualTo(fields.get("text"));
        assertThat(line.path("nested").path("count").asInt()).isEqualTo(3);
        assertThat(line.path("list").get(1).asText()).isEqualTo("two");
        assertThat(line.path("missing").isNull()).isTrue();
        assertThat(line.path("notANumber").isNull()).isTrue();
    }

    @Test
    void namesTheFailureButNeverItsMessage() throws Exception {
        log.write("req-2", "POST /auth/login", 500, 10, "INTERNAL", new IllegalStateException("password=hunter2"));

        assertThat(lines.getFirst()).contains("java.lang.IllegalStateException").doesNotContain("hunter2");
    }
}
