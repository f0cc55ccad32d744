package id.warta.http;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
    void namesTheFailureButNeverItsMessage() throws Exception {
        log.write("req-2", "POST /auth/login", 500, 10, "INTERNAL", new IllegalStateException("password=hunter2"));

        assertThat(lines.getFirst()).contains("java.lang.IllegalStateException").doesNotContain("hunter2");
    }
}
