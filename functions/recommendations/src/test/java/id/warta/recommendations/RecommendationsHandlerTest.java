package id.warta.recommendations;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import id.warta.activity.ReaderKey;
import id.warta.activity.View;
import id.warta.content.ArticleSummary;
import id.warta.content.Edition;
import id.warta.http.RequestLog;
import id.warta.json.Json;
import id.warta.memory.InMemoryRecommendationStore;
import id.warta.memory.InMemoryViewLog;
import id.warta.testing.EventFixtures;
import id.warta.testing.InMemoryContentRepository;
import id.warta.testing.SampleContent;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler on the real-shaped Schedule event of events/recommendations, with in-memory stores. */
class RecommendationsHandlerTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");

    @Test
    void rebuildsTheListsOnTheScheduleEventAndLogsOneLineWithTheReport() throws Exception {
        InMemoryContentRepository content = new InMemoryContentRepository();
        InMemoryViewLog views = new InMemoryViewLog();
        InMemoryRecommendationStore store = new InMemoryRecommendationStore();
        content.save(SampleContent.article("banjir-demak", "nasional", Edition.WEB, false, NOW.minusSeconds(3600)));
        content.save(SampleContent.article("harga-beras-naik", "ekonomi", Edition.WEB, false, NOW.minusSeconds(7200)));
        views.record(new View("banjir-demak", ReaderKey.browser("r1"), NOW.minusSeconds(600)));
        views.record(new View("harga-beras-naik", ReaderKey.browser("r1"), NOW.minusSeconds(500)));
        List<String> logLines = new ArrayList<>();
        RecommendationsHandler handler = new RecommendationsHandler(new RecommendationBuilder(views, content, store,
                RecommendationWeights.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC)), new RequestLog("recommendations", logLines::add));
        Map<String, Object> event = Json.mapper().readValue(
                Files.readString(EventFixtures.path("recommendations/rebuild-schedule.json")), new TypeReference<>() {
                });

        Map<String, Object> report = handler.handleRequest(event, null);

        assertThat(report).containsEntry("relatedLists", 2).containsEntry("windowViews", 2L);
        assertThat(event).containsEntry("detail-type", "Scheduled Event");
        assertThat(store.related("banjir-demak").orElseThrow()).extracting(ArticleSummary::slug)
                .containsExactly("harga-beras-naik");
        assertThat(logLines).hasSize(1);
        JsonNode line = Json.mapper().readTree(logLines.getFirst());
        assertThat(line.path("report").path("trendingLists").asInt()).isEqualTo(3);
    }
}
