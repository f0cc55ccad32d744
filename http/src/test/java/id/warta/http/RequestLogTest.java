package id.warta.http;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.json.Json;
import id.warta.logging.EmbeddedMetricFormat;
import id.warta.logging.EventLog;
import id.warta.testing.EmfRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");

    private final List<String> lines = new ArrayList<>();
    private final List<String> metricLines = new ArrayList<>();
    private final RequestLog log = new RequestLog("articles", lines::add, new EmbeddedMetricFormat("Warta", "test",
            new EventLog("articles", metricLines::add), Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void writesOneParsableJsonLinePerRequest() throws Exception {
        log.write("req-1", "GET /articles/{slug}", 404, false, 1_500, "ARTICLE_NOT_FOUND", null);

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
        log.write("req-2", "POST /auth/login", 500, false, 10, "INTERNAL", new IllegalStateException("password=hunter2"));

        assertThat(lines.getFirst()).contains("java.lang.IllegalStateException").doesNotContain("hunter2");
    }

    @Test
    void aRequestAnswered429IsCountedAsRateLimitedUnderItsRouteKeyAndNoOtherAnswerIs() {
        log.write("req-3", "POST /auth/login", 429, false, 10, "RATE_LIMITED", null);
        log.write("req-4", "POST /auth/login", 401, false, 10, "UNAUTHORIZED", null);
        log.write("req-5", "GET /articles/{slug}", 200, false, 10, null, null);

        assertThat(metricLines).hasSize(1);
        EmfRecord record = EmfRecord.parse(metricLines.getFirst());
        assertThat(record.dimensions()).containsExactly(Map.entry("Stack", "test"), Map.entry("Route", "POST /auth/login"));
        assertThat(record.values()).containsExactly(Map.entry("RateLimited", 1.0));
        assertThat(record.units()).containsEntry("RateLimited", "Count");
    }

    @Test
    void aRequestStoppedByALimitBehindAFixedAnswerIsCountedAndLoggedAsLimited() throws Exception {
        log.write("req-6", "POST /auth/password/forgot", 202, true, 10, null, null);

        assertThat(Json.mapper().readTree(lines.getFirst()).path("limited").asBoolean()).isTrue();
        EmfRecord record = EmfRecord.parse(metricLines.getFirst());
        assertThat(record.dimensions()).containsEntry("Route", "POST /auth/password/forgot");
        assertThat(record.values()).containsExactly(Map.entry("RateLimited", 1.0));
    }
}
