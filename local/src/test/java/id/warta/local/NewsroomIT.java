package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.http.testing.EventFixtures;
import id.warta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom over HTTP, signed as an editors' tool signs: what it publishes readers see in the
 * listings and on the article, what it schedules they see from its moment on, a stale If-Match
 * changes nothing, and what it unpublishes leaves every reader answer, recommendations and
 * trending built before included, and the site's pages, sitemaps and feed. Each test publishes in a
 * section of its own and unpublishes what it published when it ends, so the shared stack's feeds
 * stay as other tests expect them. Scheduled moments are reached by moving the stack's clock
 * forward ({@link LocalClock}), never by waiting.
 */
@LocalStackOnly
class NewsroomIT {
    private final TestStack stack = TestStack.shared();
    private final String section = "uji-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<String> published = new LinkedHashSet<>();

    @AfterEach
    void unpublishWhatThisTestPublished() {
        published.forEach(path -> stack.sendSigned("DELETE", path, null));
    }

    private Map<String, Object> article(String title, Instant publishAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("summary", "Ringkasan " + title);
        body.put("section", section);
        body.put("edition", "web");
        body.put("coverStory", false);
        body.put("sponsored", false);
        body.put("reporter", "Rina Maharani");
        body.put("editor", "Dimas Prasetyo");
        body.put("sources", List.of("ANTARA"));
        body.put("tags", List.of(section));
        body.put("image", Map.of("url", "https://cdn.warta.example/foto/uji.jpg", "caption", "Uji", "credit", "Warta"));
        body.put("body", List.of("Paragraf pertama.", "Paragraf kedua.", "Paragraf ketiga."));
        body.put("publishAt", publishAt == null ? null : publishAt.toString());
        body.put("editorsPick", null);
        return body;
    }

    private String slug(String name) {
        return section + "-" + name;
    }

    private static String json(Object body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestStack.Response put(String slug, Map<String, Object> body, String... headers) {
        return putSigned("/admin/articles/" + slug, body, headers);
    }

    private TestStack.Response putSigned(String path, Map<String, Object> body, String... headers) {
        published.add(path);
        return stack.sendSigned("PUT", path, json(body), headers);
    }

    /**
     * Whether the site shows the article, checked on every page that lists or shows it: its
     * section's page, its own page, the sitemap, the news sitemap and the RSS feed.
     */
    private void assertOnSite(String slug, String title, boolean shown) {
        String path = "/" + section + "/" + slug;
        TestStack.Response page = stack.page(path);
        assertThat(page.status()).as("GET " + path).isEqualTo(shown ? 200 : 404);
        assertThat(page.body().contains(title)).as("GET " + path + " shows the title").isEqualTo(shown);
        for (String listing : List.of("/" + section, "/sitemap.xml", "/news-sitemap.xml", "/rss.xml")) {
            TestStack.Response response = stack.page(listing);
            assertThat(response.body().contains(path)).as(listing + " lists " + path + ": " + response.status())
                    .isEqualTo(shown);
        }
    }

    private Instant longAgo() {
        return Instant.now().minus(Duration.ofDays(500)).truncatedTo(ChronoUnit.SECONDS);
    }

    private List<String> sectionFeed() {
        TestStack.Response response = stack.get("/articles?section=" + section);
        assertThat(response.status()).isEqualTo(200);
        return response.json().path("items").findValuesAsText("slug");
    }

    @Test
    void aPublishedArticleIsInItsFeedsAndOnTheSiteACorrectionKeepsItsPublicationTimeAndUnpublishingTakesItOff() {
        String slug = slug("terbit");

        TestStack.Response created = put(slug, article("Terbit", null));
        TestStack.Response again = put(slug, article("Terbit", null));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json().path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(created.json().path("updatedAt").isNull()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).as("the same article again changes nothing").isEqualTo("\"1\"");
        assertThat(sectionFeed()).containsExactly(slug);
        assertThat(stack.get("/articles?section=" + section + "&edition=web").json().path("items").findValuesAsText("slug"))
                .containsExactly(slug);
        JsonNode read = stack.get("/articles/" + slug).json();
        assertThat(read.path("title").asText()).isEqualTo("Terbit");
        assertThat(read.path("body")).hasSize(3);

        TestStack.Response corrected = put(slug, article("Terbit (ralat)", Instant.now()), "If-Match", "\"1\"");

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.header("ETag")).isEqualTo("\"2\"");
        assertThat(corrected.json().path("publishedAt").asText()).isEqualTo(created.json().path("publishedAt").asText());
        assertThat(corrected.json().path("updatedAt").isTextual()).isTrue();
        assertThat(stack.get("/articles/" + slug).json().path("title").asText()).isEqualTo("Terbit (ralat)");
        assertOnSite(slug, "Terbit (ralat)", true);

        assertThat(stack.sendSigned("DELETE", "/admin/articles/" + slug, null).status()).isEqualTo(204);

        assertOnSite(slug, "Terbit (ralat)", false);
    }

    @Test
    void aStaleIfMatchIsPreconditionFailedAndChangesNothing() {
        String slug = slug("versi");
        put(slug, article("Versi satu", longAgo()));
        put(slug, article("Versi dua", longAgo()), "If-Match", "\"1\"");

        TestStack.Response stale = put(slug, article("Versi basi", longAgo()), "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("PRECONDITION_FAILED");
        assertThat(stack.get("/articles/" + slug).json().path("title").asText()).isEqualTo("Versi dua");
    }

    @Test
    void aScheduledArticleIsInvisibleUntilItsMomentAndThenAppearsWithNoFurtherCall() {
        String slug = slug("terjadwal");
        LocalClock clock = stack.cloud().clock();
        // A few seconds ahead, as far as the shared stack's clock is then moved (see LocalClock).
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);

        TestStack.Response scheduled = put(slug, article("Terjadwal", at));

        assertThat(scheduled.status()).isEqualTo(201);
        assertThat(scheduled.json().path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(stack.get("/articles/" + slug).status()).isEqualTo(404);
        assertThat(sectionFeed()).isEmpty();
        assertThat(stack.post("/articles/" + slug + "/views", "{}").status()).isEqualTo(404);
        assertOnSite(slug, "Terjadwal", false);

        clock.advanceTo(at);

        assertThat(stack.get("/articles/" + slug).status()).isEqualTo(200);
        assertThat(sectionFeed()).containsExactly(slug);
        assertOnSite(slug, "Terjadwal", true);
    }

    @Test
    void aPublishedVideoIsInVideoPilihanAndOnTheSiteUntilItIsUnpublished() {
        String id = section + "-video";
        String videoUrl = "https://video.warta.example/" + id + ".m3u8";
        Map<String, Object> video = new HashMap<>(Map.of("title", "Video " + section, "summary", "Ringkasan video uji.",
                "thumbnail", Map.of("url", "https://img.warta.example/video/uji.jpg", "caption", "Cuplikan", "credit", "Warta TV"),
                "videoUrl", videoUrl, "durationSeconds", 75));
        video.put("publishAt", null);

        TestStack.Response created = putSigned("/admin/videos/" + id, video);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json().path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(stack.get("/videos").json().path("items").findValuesAsText("id")).first().isEqualTo(id);
        assertThat(stack.page("/video").body()).contains(videoUrl);

        TestStack.Response unpublished = stack.sendSigned("DELETE", "/admin/videos/" + id, null);

        assertThat(unpublished.status()).isEqualTo(204);
        assertThat(stack.get("/videos?limit=20").json().path("items").findValuesAsText("id")).doesNotContain(id);
        assertThat(stack.page("/video").body()).doesNotContain(videoUrl);
        assertThat(stack.sendSigned("DELETE", "/admin/videos/" + id, null).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(putSigned("/admin/videos/" + id, video, "If-Match", "\"1\"").status())
                .as("an If-Match from before the unpublication never matches again").isEqualTo(412);
    }

    @Test
    void anUnpublishedArticleLeavesEveryReaderAnswerIncludingListsBuiltBefore() throws Exception {
        String kept = slug("tetap");
        String gone = slug("ditarik");
        put(kept, article("Tetap", longAgo()));
        put(gone, article("Ditarik", longAgo().plusSeconds(60)));
        for (int i = 0; i < 2; i++) {
            String reader = UUID.randomUUID().toString();
            assertThat(stack.post("/articles/" + kept + "/views", "{}", "X-Reader-Id", reader).status()).isEqualTo(200);
            assertThat(stack.post("/articles/" + gone + "/views", "{}", "X-Reader-Id", reader).status()).isEqualTo(200);
        }
        stack.cloud().function("RecommendationsFunction")
                .invokeJson(Files.readString(EventFixtures.path("recommendations/rebuild-schedule.json")));
        assertThat(stack.get("/articles/" + kept + "/recommendations").json().path("items").findValuesAsText("slug"))
                .contains(gone);
        assertThat(stack.get("/trending?section=" + section).json().path("items").findValuesAsText("slug"))
                .contains(kept, gone);
        assertThat(stack.sendSigned("PUT", "/admin/editors-picks", json(Map.of("slugs", List.of(gone, kept)))).status())
                .isEqualTo(200);
        assertThat(stack.get("/editors-picks").json().path("items").findValuesAsText("slug")).containsExactly(gone, kept);

        TestStack.Response unpublished = stack.sendSigned("DELETE", "/admin/articles/" + gone, null);

        assertThat(unpublished.status()).isEqualTo(204);
        assertThat(stack.get("/articles/" + gone).errorCode()).isEqualTo("ARTICLE_NOT_FOUND");
        assertThat(sectionFeed()).containsExactly(kept);
        assertThat(stack.get("/articles/" + kept + "/recommendations").json().path("items").findValuesAsText("slug"))
                .doesNotContain(gone);
        assertThat(stack.get("/articles/" + gone + "/recommendations").status()).isEqualTo(404);
        assertThat(stack.get("/trending?section=" + section).json().path("items").findValuesAsText("slug"))
                .containsExactly(kept);
        assertThat(stack.get("/editors-picks").json().path("items").findValuesAsText("slug")).containsExactly(kept);
        assertThat(stack.sendSigned("DELETE", "/admin/articles/" + gone, null).errorCode()).isEqualTo("ARTICLE_NOT_FOUND");
    }

    /** Data a local stack kept from before the newsroom (bin/dev keeps its tables) has no version: version 0. */
    @Test
    void anArticleStoredBeforeVersionsWereKeptCanBeReplacedAndUnpublished() {
        String slug = slug("lama");
        String publishedAt = longAgo().toString();
        Map<String, AttributeValue> legacy = new HashMap<>();
        legacy.put("pk", AttributeValue.fromS("ARTICLE#" + slug));
        legacy.put("kind", AttributeValue.fromS("ARTICLE"));
        legacy.put("section", AttributeValue.fromS(section));
        legacy.put("edition", AttributeValue.fromS("web"));
        legacy.put("sectionEdition", AttributeValue.fromS(section + "#web"));
        legacy.put("publishedAt", AttributeValue.fromS(publishedAt));
        legacy.put("id", AttributeValue.fromS("id-" + slug));
        legacy.put("slug", AttributeValue.fromS(slug));
        legacy.put("title", AttributeValue.fromS("Lama"));
        legacy.put("summary", AttributeValue.fromS("Ringkas"));
        legacy.put("coverStory", AttributeValue.fromBool(false));
        legacy.put("sponsored", AttributeValue.fromBool(false));
        for (String list : List.of("tags", "sources", "body")) {
            legacy.put(list, AttributeValue.fromL(List.of(AttributeValue.fromS("x"))));
        }
        legacy.put("reporter", AttributeValue.fromS("Rina"));
        legacy.put("editor", AttributeValue.fromS("Dimas"));
        stack.cloud().dynamo().putItem(b -> b.tableName(Seeder.CONTENT_TABLE).item(legacy));

        TestStack.Response replaced = put(slug, article("Lama (ralat)", Instant.now()), "If-Match", "\"0\"");

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
        assertThat(OffsetDateTime.parse(replaced.json().path("publishedAt").asText()).toInstant())
                .isEqualTo(Instant.parse(publishedAt));
        stack.cloud().dynamo().putItem(b -> b.tableName(Seeder.CONTENT_TABLE).item(legacy));
        assertThat(stack.sendSigned("DELETE", "/admin/articles/" + slug, null).status()).isEqualTo(204);
        assertThat(stack.get("/articles/" + slug).status()).isEqualTo(404);
    }

    @Test
    void invalidFieldsAreAllNamedAndNothingIsStored() {
        Map<String, Object> body = article("", null);
        body.put("edition", "web");
        body.put("coverStory", true);
        body.put("body", List.of());
        body.put("image", "bukan-objek");

        TestStack.Response refused = put(slug("tidak-sah"), body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().path("error").path("fields").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("title", "coverStory", "body", "image");
        assertThat(put("Bukan_Slug", article("Judul", null)).json().path("error").path("fields").has("slug")).isTrue();
        assertThat(stack.get("/articles/" + slug("tidak-sah")).status()).isEqualTo(404);
    }
}
