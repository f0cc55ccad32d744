package id.warta.recommender;

import id.warta.recommendations.SingleRunBuilder;
import id.warta.recommendations.RecommendationWeights;
import id.warta.recommendations.RecommendationBuilder;
import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import id.warta.content.ArticleSummary;
import id.warta.content.Edition;
import id.warta.logging.EmbeddedMetricFormat;
import id.warta.logging.EventLog;
import id.warta.testing.EmfRecord;
import id.warta.json.Json;
import id.warta.testing.InMemoryRecommendationStore;
import id.warta.testing.InMemoryViewLog;
import id.warta.http.testing.EventFixtures;
import id.warta.testing.InMemoryContentRepository;
import id.warta.testing.InMemoryRunLease;
import id.warta.testing.SampleContent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler on the real-shaped Schedule event of events/recommendations, with in-memory stores. */
class RecommendationsHandlerTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");

    private final InMemoryContentRepository content = new InMemoryContentRepository();
    private final InMemoryViewLog views = new InMemoryViewLog();
    private final InMemoryRecommendationStore store = new InMemoryRecommendationStore();
    private final InMemoryRunLease lease = new InMemoryRunLease();
    private final List<String> logLines = new ArrayList<>();
    private final RecommendationsHandler handler = new RecommendationsHandler(new SingleRunBuilder(
            new RecommendationBuilder(views, content, store, RecommendationWeights.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC)),
            lease, Clock.fixed(NOW, ZoneOffset.UTC)), new EventLog("recommendations", logLines::add),
            new EmbeddedMetricFormat("Warta", "warta-test", new EventLog("recommendations", logLines::add),
                    Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void rebuildsTheListsOnTheScheduleEventAndLogsOneLineWithTheReport() throws Exception {
        content.save(SampleContent.article("banjir-demak", "nasional", Edition.WEB, false, NOW.minusSeconds(3600)));
        content.save(SampleContent.article("harga-beras-naik", "ekonomi", Edition.WEB, false, NOW.minusSeconds(7200)));
        views.record(new View("banjir-demak", ReaderKey.browser("r1"), NOW.minusSeconds(600)));
        views.record(new View("harga-beras-naik", ReaderKey.browser("r1"), NOW.minusSeconds(500)));
        Map<String, Object> event = scheduleEvent();

        Map<String, Object> report = handler.handleRequest(event, invocation("run-1"));

        assertThat(report).containsEntry("relatedLists", 2).containsEntry("windowViews", 2L);
        assertThat(event).containsEntry("detail-type", "Scheduled Event");
        assertThat(store.related("banjir-demak").orElseThrow()).extracting(ArticleSummary::slug)
                .containsExactly("harga-beras-naik");
        assertThat(logLines).hasSize(2);
        JsonNode line = Json.mapper().readTree(logLines.getFirst());
        assertThat(line.path("report").path("trendingLists").asInt()).isEqualTo(3);
        EmfRecord metrics = EmfRecord.parse(logLines.getLast());
        assertThat(metrics.namespace()).isEqualTo("Warta");
        assertThat(metrics.dimensions()).isEqualTo(Map.of("Stack", "warta-test"));
        assertThat(metrics.values()).containsOnlyKeys("BuilderRuns", "BuilderDurationMs", "ViewsProcessed")
                .containsEntry("BuilderRuns", 1.0).containsEntry("ViewsProcessed", 2.0);
        assertThat(metrics.values().get("BuilderDurationMs")).isEqualTo(line.path("durationMs").asDouble());
        assertThat(metrics.units()).containsEntry("BuilderDurationMs", "Milliseconds");
        assertThat(lease.take("run-2", NOW, NOW.plusSeconds(60))).as("lease given back").isTrue();
    }

    @Test
    void skipsAtOnceAndSaysSoWhileAnotherRunHoldsTheLease() throws Exception {
        content.save(SampleContent.article("banjir-demak", "nasional", Edition.WEB, false, NOW.minusSeconds(3600)));
        lease.take("other-run", NOW, NOW.plus(Duration.ofMinutes(15)));

        Map<String, Object> report = handler.handleRequest(scheduleEvent(), invocation("run-2"));

        assertThat(report).isEqualTo(Map.of("skipped", "another run holds the lease"));
        assertThat(store.related("banjir-demak")).as("nothing built").isEmpty();
        assertThat(Json.mapper().readTree(logLines.getFirst()).path("report").path("skipped").asText())
                .isEqualTo("another run holds the lease");
        assertThat(EmfRecord.in(logLines)).as("a skipped run is no completed build: no BuilderRuns").isEmpty();
    }

    private static Map<String, Object> scheduleEvent() throws Exception {
        return Json.mapper().readValue(
                Files.readString(EventFixtures.path("recommendations/rebuild-schedule.json")), new TypeReference<>() {
                });
    }

    /** The Lambda context of an invocation with this request id and the function's 900 s still ahead. */
    private static Context invocation(String requestId) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getRemainingTimeInMillis" -> 900_000;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
