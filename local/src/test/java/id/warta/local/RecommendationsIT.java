package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import id.warta.dynamo.DynamoRecommendations;
import id.warta.json.Json;
import id.warta.recommendations.RankedList;
import id.warta.http.testing.EventFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views recorded through POST /articles/{slug}/views, the builder run through its real handler on
 * the events/ Schedule fixture, and the lists read back through the local API server.
 */
class RecommendationsIT {
    private static final String SOURCE = "harga-beras-medium-naik-di-pasar-induk";
    private static final String CO_READ = "persada-batu-kudeta-puncak-klasemen";
    private static final String SPONSORED = "liburan-hemat-ke-kepulauan-seribu-bersama-nusatrip";

    private static final TestStack stack = TestStack.shared();
    private static final List<String> coReaders = new ArrayList<>();
    private static JsonNode report;

    @BeforeAll
    static void recordViewsAndRunTheBuilder() throws Exception {
        for (int i = 0; i < 6; i++) {
            String reader = UUID.randomUUID().toString();
            coReaders.add(reader);
            view(SOURCE, reader);
            view(CO_READ, reader);
        }
        for (int i = 0; i < 3; i++) {
            String reader = UUID.randomUUID().toString();
            view(SOURCE, reader);
            view(SPONSORED, reader);
        }
        // Readers of one article only: they add to its views, not to any pair. (Views without an id
        // would count once per client network and hour, and every test here is 127.0.0.1.)
        for (int i = 0; i < 4; i++) {
            view(CO_READ, UUID.randomUUID().toString());
        }
        String event = Files.readString(EventFixtures.path("recommendations/rebuild-schedule.json"));
        report = Json.mapper().readTree(stack.cloud().function("RecommendationsFunction").invokeJson(event));
    }

    /** A view through the API, as a browser with its X-Reader-Id sends it. */
    private static void view(String slug, String readerId) {
        TestStack.Response response = stack.post("/articles/" + slug + "/views", "{}", "X-Reader-Id", readerId);
        assertThat(response.status()).isEqualTo(200);
    }

    private static List<String> slugs(TestStack.Response response) {
        assertThat(response.status()).isEqualTo(200);
        return response.json().path("items").findValuesAsText("slug");
    }

    @Test
    void theBuilderListsEverySeededRecentArticleAndCountsTheViews() {
        assertThat(report.path("relatedLists").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(report.path("listsWritten").asInt())
                .isEqualTo(report.path("relatedLists").asInt() + report.path("trendingLists").asInt());
        assertThat(report.path("windowViews").asLong()).isGreaterThanOrEqualTo(22);
        assertThat(report.path("hoursAggregated").asInt() + report.path("hoursLoaded").asInt()).isGreaterThanOrEqualTo(22);
    }

    @Test
    void recommendsWhatOtherReadersAlsoReadAndFlagsSponsoredItems() {
        TestStack.Response response = stack.get("/articles/" + SOURCE + "/recommendations");

        List<String> slugs = slugs(response);
        assertThat(slugs).hasSize(6).startsWith(CO_READ).contains(SPONSORED).doesNotContain(SOURCE);
        for (JsonNode item : response.json().path("items")) {
            Article seeded = stack.seeded().articles().stream()
                    .filter(a -> a.slug().equals(item.path("slug").asText())).findFirst().orElseThrow();
            assertThat(item.path("sponsored").asBoolean()).as(seeded.slug()).isEqualTo(seeded.summary().sponsored());
            assertThat(item.path("relativeTime").asText()).isNotBlank();
        }
        assertThat(response.json().path("items").get(slugs.indexOf(SPONSORED)).path("sponsored").asBoolean()).isTrue();
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=60");
    }

    @Test
    void neverRecommendsWhatThisReaderAlreadyRead() {
        TestStack.Response response = stack.get("/articles/" + SOURCE + "/recommendations?limit=20",
                "X-Reader-Id", coReaders.getFirst());

        assertThat(slugs(response)).isNotEmpty().doesNotContain(CO_READ, SOURCE).contains(SPONSORED);
        assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
    }

    @Test
    void trendingShowsTheMostViewedOverallAndPerSection() {
        List<String> overall = slugs(stack.get("/trending?limit=20"));
        List<String> olahraga = slugs(stack.get("/trending?section=olahraga"));

        assertThat(overall).contains(CO_READ, SOURCE, SPONSORED);
        assertThat(overall.indexOf(CO_READ)).isLessThan(overall.indexOf(SOURCE));
        assertThat(overall.indexOf(SOURCE)).isLessThan(overall.indexOf(SPONSORED));
        assertThat(olahraga).first().isEqualTo(CO_READ);
        assertThat(slugs(stack.get("/trending?limit=1"))).hasSize(1);
        assertThat(slugs(stack.get("/trending?section=tidak-ada"))).isEmpty();
    }

    @Test
    void anHourAggregateLargerThanOneItemIsStoredInPartsAndReadBackWhole() {
        DynamoRecommendations store = new DynamoRecommendations(stack.cloud().dynamo(), "RecommendationsTable",
                Clock.systemUTC());
        byte[] aggregate = new byte[700 * 1024];
        new Random(5).nextBytes(aggregate);
        Instant hour = Instant.parse("2001-01-01T05:00:00Z");

        store.saveHour(hour, aggregate);

        assertThat(store.hour(hour)).hasValueSatisfying(read -> assertThat(read).isEqualTo(aggregate));
        assertThat(store.hour(hour.plusSeconds(3600))).isEmpty();
    }

    @Test
    void rewritesOnlyListsThatChangedOrAreHalfwayToExpiry() {
        Instant now = Instant.now();
        List<ArticleSummary> summaries = stack.seeded().articles().stream().limit(3).map(Article::summary).toList();
        ArticleSummary first = summaries.getFirst();
        ArticleSummary retitled = new ArticleSummary(first.id(), first.slug(), "Judul yang diperbaiki", first.summary(),
                first.section(), first.edition(), first.coverStory(), first.publishedAt(), first.image(),
                first.sponsored(), first.tags());
        List<RankedList> lists = List.of(RankedList.related("uji-sidik-a", summaries),
                RankedList.related("uji-sidik-b", summaries.subList(1, 3)));

        int initially = storeAt(now).saveLists(lists);
        int unchanged = storeAt(now.plusSeconds(900)).saveLists(lists);
        int oneEdited = storeAt(now.plusSeconds(1800)).saveLists(List.of(
                RankedList.related("uji-sidik-a", List.of(retitled, summaries.get(1), summaries.get(2))), lists.get(1)));
        String titleAfterEdit = storeAt(now.plusSeconds(1800)).related("uji-sidik-a").orElseThrow().getFirst().title();
        int halfwayToExpiry = storeAt(now.plus(Duration.ofDays(1)).plusSeconds(1)).saveLists(lists);

        assertThat(List.of(initially, unchanged, oneEdited, halfwayToExpiry)).containsExactly(2, 0, 1, 2);
        assertThat(titleAfterEdit).isEqualTo("Judul yang diperbaiki");
    }

    private static DynamoRecommendations storeAt(Instant instant) {
        return new DynamoRecommendations(stack.cloud().dynamo(), "RecommendationsTable", Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void badInputIsA4xxWithTheContractErrorBody() {
        record Case(String path, int status, String code) {
        }
        for (Case c : List.of(
                new Case("/articles/tidak-ada-artikel-ini/recommendations", 404, "ARTICLE_NOT_FOUND"),
                new Case("/articles/" + SOURCE + "/recommendations?limit=21", 400, "VALIDATION_FAILED"),
                new Case("/articles/" + SOURCE + "/recommendations?limit=0", 400, "VALIDATION_FAILED"),
                new Case("/trending?limit=21", 400, "VALIDATION_FAILED"),
                new Case("/trending?limit=x", 400, "VALIDATION_FAILED"))) {
            TestStack.Response response = stack.get(c.path());
            assertThat(response.status()).as(c.path()).isEqualTo(c.status());
            assertThat(response.errorCode()).as(c.path()).isEqualTo(c.code());
        }
        TestStack.Response badReader = stack.get("/articles/" + SOURCE + "/recommendations", "X-Reader-Id", "bukan-uuid");
        assertThat(badReader.errorCode()).isEqualTo("BAD_REQUEST");
    }
}
