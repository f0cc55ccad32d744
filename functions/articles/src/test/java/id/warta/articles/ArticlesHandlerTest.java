package id.warta.articles;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import id.warta.reader.ReaderAccount;
import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import id.warta.content.Article;
import id.warta.content.Edition;
import id.warta.http.ReaderIdentity;
import id.warta.http.ReaderResolver;
import id.warta.http.RequestLog;
import id.warta.identity.AccessTokens;
import id.warta.http.JwtAccessTokens;
import id.warta.testing.TestSigningKeys;
import id.warta.json.Json;
import id.warta.logging.EmbeddedMetricFormat;
import id.warta.logging.EventLog;
import id.warta.paywall.AccessPolicy;
import id.warta.paywall.MeterPeriod;
import id.warta.paywall.PaywallMetrics;
import id.warta.testing.InMemoryRecommendationStore;
import id.warta.testing.InMemoryViewLog;
import id.warta.recommendations.RankedList;
import id.warta.recommendations.Recommendations;
import id.warta.http.testing.EventFixtures;
import id.warta.testing.InMemoryContentRepository;
import id.warta.testing.EmfRecord;
import id.warta.testing.InMemoryPaywall;
import id.warta.testing.SampleContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler on the real-shaped events of events/articles, with content in memory. */
class ArticlesHandlerTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");

    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    private static final String METERED = "sidang-gugatan-sawit-ditunda";

    private final InMemoryContentRepository content = new InMemoryContentRepository();
    private final InMemoryPaywall paywall = new InMemoryPaywall(content);
    private final AccessTokens tokens = new JwtAccessTokens(TestSigningKeys.single(SECRET), Clock.fixed(NOW, ZoneOffset.UTC));
    private final InMemoryViewLog views = new InMemoryViewLog();
    private final InMemoryRecommendationStore recommendations = new InMemoryRecommendationStore();
    private final List<String> logLines = new ArrayList<>();
    private final List<String> metricLines = new ArrayList<>();
    private final EmbeddedMetricFormat metrics = new EmbeddedMetricFormat("Warta", "test",
            new EventLog("articles", metricLines::add), Clock.fixed(NOW, ZoneOffset.UTC));
    private ArticlesHandler handler;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        content.save(SampleContent.article("harga-beras-medium-naik-di-pasar-induk", "ekonomi", Edition.WEB, false,
                SampleContent.minutesBefore(NOW, 9), "beras"));
        content.save(SampleContent.article("jerat-tengkulak-di-lumbung-padi", "ekonomi", Edition.KORAN, true,
                SampleContent.minutesBefore(NOW, 375), "beras"));
        content.save(SampleContent.article("derbi-berakhir-imbang", "olahraga", Edition.WEB, false,
                SampleContent.minutesBefore(NOW, 3000), "liga"));
        content.save(SampleContent.article(METERED, "hukum", Edition.MAJALAH, false,
                SampleContent.minutesBefore(NOW, 4000), "sawit"));
        for (int i = 0; i < 4; i++) {
            content.save(SampleContent.video("vid-" + i, SampleContent.minutesBefore(NOW, 60L * i)));
        }
        ReaderIdentity identity = new ReaderIdentity(new JwtAccessTokens(TestSigningKeys.single(SECRET), clock));
        ReaderResolver readers = new ReaderResolver(identity, paywall);
        RecommendationRoutes recommendationRoutes = new RecommendationRoutes(
                new Recommendations(recommendations, views, content), readers, clock);
        handler = new ArticlesHandler(new ArticleRoutes(new ArticleReads(content, paywall, new AccessPolicy(2),
                new PaywallMetrics(metrics), clock), identity, readers), recommendationRoutes,
                new RequestLog("articles", logLines::add, metrics));
    }

    private JsonNode invoke(String fixture, int expectedStatus) throws Exception {
        return invokeAs(null, fixture, expectedStatus);
    }

    /** @param account the signed-in reader, or null for an anonymous one */
    private JsonNode invokeAs(ReaderAccount account, String fixture, int expectedStatus) throws Exception {
        APIGatewayV2HTTPResponse response = respond(account, fixture);
        assertThat(response.getStatusCode()).as(fixture).isEqualTo(expectedStatus);
        assertThat(response.getHeaders()).containsEntry("x-content-type-options", "nosniff");
        return Json.mapper().readTree(response.getBody());
    }

    private APIGatewayV2HTTPResponse respond(ReaderAccount account, String fixture) {
        APIGatewayV2HTTPEvent event = EventFixtures.httpEvent(fixture);
        if (account != null) {
            event.getHeaders().put("authorization", "Bearer " + tokens.issue(account.id(), account.credentialVersion()));
        }
        return handler.handleRequest(event, null);
    }

    private ReaderAccount activatedReader() {
        ReaderAccount account = new ReaderAccount("acc-1", true, null, 3);
        paywall.save(account);
        return account;
    }

    @Test
    void listsTheRequestedSectionNewestFirst() throws Exception {
        JsonNode body = invoke("articles/list-articles.json", 200);

        assertThat(body.path("items").findValuesAsText("slug"))
                .containsExactly("harga-beras-medium-naik-di-pasar-induk", "jerat-tengkulak-di-lumbung-padi");
        assertThat(body.path("items").get(0).path("relativeTime").asText()).isEqualTo("9 menit lalu");
        assertThat(body.path("items").get(1).path("accessLevel").asText()).isEqualTo("SUBSCRIBER");
        assertThat(body.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void readsAFreeArticleInFull() throws Exception {
        JsonNode body = invoke("articles/get-article.json", 200);

        assertThat(body.path("body").size()).isEqualTo(4);
        assertThat(body.path("truncated").asBoolean()).isFalse();
        assertThat(body.path("access").path("level").asText()).isEqualTo("FREE");
        assertThat(body.path("access").path("granted").asBoolean()).isTrue();
        assertThat(body.path("editorsPick").path("slug").asText()).isEqualTo("pilihan-editor");
        assertThat(body.path("publishedAt").asText()).isEqualTo("2026-11-26T10:06:00+07:00");
    }

    @Test
    void anonymousReadersGetTheTeaserOfAMeteredArticleAndMustLogIn() throws Exception {
        JsonNode body = invoke("articles/get-metered-article.json", 200);

        assertThat(body.path("body").size()).isEqualTo(2);
        assertThat(body.path("truncated").asBoolean()).isTrue();
        assertThat(body.path("access").path("level").asText()).isEqualTo("METERED");
        assertThat(body.path("access").path("granted").asBoolean()).isFalse();
        assertThat(body.path("access").path("reason").asText()).isEqualTo("LOGIN_REQUIRED");
        assertThat(body.path("access").has("meter")).isTrue();
        assertThat(body.path("access").path("meter").isNull()).isTrue();
    }

    @Test
    void signedInReadersSeeTheirMeterAndMayUnlockWithACredit() throws Exception {
        JsonNode body = invokeAs(activatedReader(), "articles/get-metered-article.json", 200);

        assertThat(body.path("truncated").asBoolean()).isTrue();
        assertThat(body.path("access").path("granted").asBoolean()).isFalse();
        assertThat(body.path("access").path("reason").isNull()).isTrue();
        assertThat(body.path("access").path("meter").path("remaining").asInt()).isEqualTo(2);
        assertThat(body.path("access").path("meter").path("periodEnd").asText()).isEqualTo("2026-12-01T00:00:00+07:00");
    }

    @Test
    void aReadNeverSpendsACredit() throws Exception {
        ReaderAccount reader = activatedReader();

        invokeAs(reader, "articles/get-metered-article.json", 200);
        invokeAs(reader, "articles/get-metered-article.json", 200);

        assertThat(paywall.unlockAttempts()).isZero();
    }

    @Test
    void anUnlockedArticleIsReadInFull() throws Exception {
        ReaderAccount reader = activatedReader();
        paywall.unlock(reader.id(), MeterPeriod.containing(NOW), METERED, 2);

        JsonNode body = invokeAs(reader, "articles/get-metered-article.json", 200);

        assertThat(body.path("body").size()).isEqualTo(4);
        assertThat(body.path("truncated").asBoolean()).isFalse();
        assertThat(body.path("access").path("granted").asBoolean()).isTrue();
        assertThat(body.path("access").path("meter").path("used").asInt()).isEqualTo(1);
    }

    @Test
    void everyArticleAnsweredIsAReadCountedByAccessLevelAndReasonAndNoOtherRouteIsOne() throws Exception {
        ReaderAccount reader = activatedReader();
        invoke("articles/get-article.json", 200);
        invoke("articles/get-metered-article.json", 200);
        invokeAs(reader, "articles/get-metered-article.json", 200);
        paywall.unlock(reader.id(), MeterPeriod.containing(NOW), METERED, 2);
        invokeAs(reader, "articles/get-metered-article.json", 200);
        invokeAs(reader, "articles/get-cover-story.json", 200);
        invoke("articles/get-article-unknown.json", 404);
        invoke("articles/list-articles.json", 200);

        assertThat(EmfRecord.in(metricLines)).extracting(EmfRecord::summary).containsExactly(
                "ArticleReads=1 AccessLevel=FREE Reason=GRANTED",
                "ArticleReads=1 AccessLevel=METERED Reason=LOGIN_REQUIRED",
                "ArticleReads=1 AccessLevel=METERED Reason=UNLOCKABLE",
                "ArticleReads=1 AccessLevel=METERED Reason=GRANTED",
                "ArticleReads=1 AccessLevel=SUBSCRIBER Reason=SUBSCRIPTION_REQUIRED");
        assertThat(String.join("\n", metricLines)).doesNotContain(METERED, reader.id());
    }

    @Test
    void coverStoriesNeedASubscription() throws Exception {
        JsonNode body = invokeAs(activatedReader(), "articles/get-cover-story.json", 200);

        assertThat(body.path("truncated").asBoolean()).isTrue();
        assertThat(body.path("access").path("reason").asText()).isEqualTo("SUBSCRIPTION_REQUIRED");
    }

    @Test
    void onlyAnonymousReadsOfFreeArticlesMayBeCachedPublicly() {
        ReaderAccount reader = activatedReader();

        assertThat(respond(null, "articles/get-article.json").getHeaders())
                .containsEntry("cache-control", "public, max-age=60");
        assertThat(respond(reader, "articles/get-article.json").getHeaders())
                .containsEntry("cache-control", "private, no-store");
        assertThat(respond(null, "articles/get-metered-article.json").getHeaders())
                .containsEntry("cache-control", "private, no-store");
    }

    @Test
    void aTokenOfAnAccountThatIsGoneOrWhosePasswordChangedIsRejected() throws Exception {
        ReaderAccount reader = activatedReader();
        ReaderAccount staleToken = new ReaderAccount(reader.id(), true, null, reader.credentialVersion() - 1);
        ReaderAccount deleted = new ReaderAccount("acc-deleted", true, null, 0);

        assertThat(invokeAs(staleToken, "articles/get-article.json", 401).path("error").path("code").asText())
                .isEqualTo("UNAUTHORIZED");
        assertThat(invokeAs(deleted, "articles/get-article-unknown.json", 401).path("error").path("code").asText())
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void recommendsBuiltRelatedArticlesExceptWhatTheReaderOfTheFixtureAlreadyRead() throws Exception {
        Article related = SampleContent.article("beras-impor-tiba", "ekonomi", Edition.WEB, false,
                SampleContent.minutesBefore(NOW, 30), "beras");
        content.save(related);
        recommendations.saveLists(List.of(RankedList.related("harga-beras-medium-naik-di-pasar-induk", List.of(
                related.summary(),
                content.findArticle("derbi-berakhir-imbang").orElseThrow().summary(),
                content.findArticle("jerat-tengkulak-di-lumbung-padi").orElseThrow().summary()))));
        views.record(new View("derbi-berakhir-imbang", ReaderKey.browser("2b1c8f5e-8f4a-4c47-9d0e-0c8a7b9e1f11"), NOW));

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                EventFixtures.httpEvent("articles/get-recommendations.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("cache-control", "private, no-store");
        JsonNode items = Json.mapper().readTree(response.getBody()).path("items");
        assertThat(items.findValuesAsText("slug")).containsExactly("beras-impor-tiba", "jerat-tengkulak-di-lumbung-padi");
        assertThat(items.get(0).path("relativeTime").asText()).isEqualTo("30 menit lalu");
        assertThat(items.get(0).path("sponsored").isBoolean()).isTrue();
    }

    @Test
    void beforeAnyViewsRecommendsTheLatestOfTheSameSection() throws Exception {
        JsonNode body = invoke("articles/get-recommendations.json", 200);

        assertThat(body.path("items").findValuesAsText("slug")).containsExactly("jerat-tengkulak-di-lumbung-padi");
    }

    @Test
    void servesTheTrendingListOfTheRequestedSection() throws Exception {
        recommendations.saveLists(List.of(RankedList.trending("ekonomi", List.of(
                content.findArticle("jerat-tengkulak-di-lumbung-padi").orElseThrow().summary(),
                content.findArticle("harga-beras-medium-naik-di-pasar-induk").orElseThrow().summary()))));

        JsonNode body = invoke("articles/get-trending.json", 200);

        assertThat(body.path("items").findValuesAsText("slug"))
                .containsExactly("jerat-tengkulak-di-lumbung-padi", "harga-beras-medium-naik-di-pasar-induk");
        assertThat(body.path("items").get(0).path("accessLevel").asText()).isEqualTo("SUBSCRIBER");
    }

    @Test
    void listsVideos() throws Exception {
        JsonNode body = invoke("articles/list-videos.json", 200);

        assertThat(body.path("items").findValuesAsText("id")).containsExactly("vid-0", "vid-1", "vid-2");
        assertThat(body.path("items").get(1).path("relativeTime").asText()).isEqualTo("1 jam lalu");
    }

    @Test
    void answersClientMistakesWithTheContractErrorBody() throws Exception {
        assertThat(invoke("articles/get-article-unknown.json", 404).path("error").path("code").asText())
                .isEqualTo("ARTICLE_NOT_FOUND");
        assertThat(invoke("articles/list-articles-invalid-limit.json", 400).path("error").path("fields").has("limit"))
                .isTrue();
        assertThat(invoke("articles/list-articles-invalid-cursor.json", 400).path("error").path("fields").has("cursor"))
                .isTrue();
        assertThat(invoke("articles/get-article-invalid-reader-id.json", 400).path("error").path("code").asText())
                .isEqualTo("BAD_REQUEST");
        assertThat(invoke("articles/get-article-invalid-token.json", 401).path("error").path("code").asText())
                .isEqualTo("UNAUTHORIZED");
        assertThat(invoke("articles/unknown-route.json", 404).path("error").path("code").asText())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void writesOneStructuredLogLinePerRequestWithoutRequestData() throws Exception {
        invoke("articles/get-article-invalid-token.json", 401);

        assertThat(logLines).hasSize(1);
        JsonNode line = Json.mapper().readTree(logLines.getFirst());
        assertThat(line.path("requestId").asText()).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
        assertThat(line.path("status").asInt()).isEqualTo(401);
        assertThat(line.path("error").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(logLines.getFirst()).doesNotContain("eyJ");
    }
}
