package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.content.Article;
import id.warta.content.Edition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Content reads through the local API server, against DynamoDB (dynalite) with the seeded content. */
class ArticlesApiIT {
    private final TestStack stack = TestStack.shared();

    @Test
    void listsSeededArticlesNewestFirstWithContractFields() {
        TestStack.Response response = stack.get("/articles");

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.json().path("items");
        assertThat(items.size()).isEqualTo(20);
        JsonNode first = items.get(0);
        for (String field : List.of("id", "slug", "title", "summary", "section", "edition", "coverStory", "accessLevel",
                "publishedAt", "relativeTime", "image", "sponsored")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        List<String> times = new ArrayList<>();
        items.forEach(i -> times.add(i.path("publishedAt").asText()));
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
        Article newest = stack.seeded().articles().stream()
                .max(Comparator.comparing(a -> a.summary().publishedAt())).orElseThrow();
        assertThat(first.path("slug").asText()).isEqualTo(newest.slug());
        // Published when the shared stack was seeded: how long ago depends on the ITs that ran before.
        assertThat(first.path("relativeTime").asText()).matches("baru saja|\\d+ menit lalu");
        assertThat(first.path("publishedAt").asText()).endsWith("+07:00");
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=60");
    }

    @Test
    void pagesThroughTheWholeListingWithCursorsAndNoDuplicates() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            TestStack.Response page = stack.get("/articles?limit=7" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            JsonNode items = page.json().path("items");
            assertThat(items.size()).isGreaterThan(0);
            items.forEach(i -> assertThat(seen.add(i.path("slug").asText())).isTrue());
            JsonNode next = page.json().path("nextCursor");
            cursor = next.isNull() ? null : next.asText();
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(stack.seeded().articles().size());
        assertThat(pages).isEqualTo((stack.seeded().articles().size() + 6) / 7);
    }

    @Test
    void nextCursorIsNullWhenThePageEndsExactlyAtTheLastItem() {
        long koran = stack.seeded().articles().stream().filter(a -> a.summary().edition() == Edition.KORAN).count();

        TestStack.Response response = stack.get("/articles?edition=koran&limit=" + koran);

        assertThat(response.json().path("items").size()).isEqualTo((int) koran);
        assertThat(response.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void filtersBySectionAndEdition() {
        TestStack.Response response = stack.get("/articles?section=ekonomi&edition=koran&limit=50");

        assertThat(response.status()).isEqualTo(200);
        long expected = stack.seeded().articles().stream()
                .filter(a -> a.summary().section().equals("ekonomi") && a.summary().edition() == Edition.KORAN).count();
        assertThat(response.json().path("items").size()).isEqualTo((int) expected).isPositive();
        response.json().path("items").forEach(i -> {
            assertThat(i.path("section").asText()).isEqualTo("ekonomi");
            assertThat(i.path("edition").asText()).isEqualTo("koran");
        });
    }

    @Test
    void unknownSectionOrEditionIsAnEmptyList() {
        for (String query : List.of("section=tidak-ada", "edition=tabloid")) {
            TestStack.Response response = stack.get("/articles?" + query);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("items").size()).isZero();
            assertThat(response.json().path("nextCursor").isNull()).isTrue();
        }
    }

    @Test
    void readsOneArticleWithBylinesBodyAndAccessLevel() {
        Article cover = stack.seeded().articles().stream().filter(a -> a.summary().coverStory()).findFirst().orElseThrow();

        TestStack.Response response = stack.get("/articles/" + cover.slug());

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("reporter").asText()).isEqualTo(cover.reporter());
        assertThat(body.path("accessLevel").asText()).isEqualTo("SUBSCRIBER");
        assertThat(body.path("access").path("level").asText()).isEqualTo("SUBSCRIBER");
        assertThat(body.path("tags").size()).isEqualTo(cover.summary().tags().size());
        assertThat(body.path("sources").isArray()).isTrue();
        assertThat(body.has("editorsPick")).isTrue();
    }

    @Test
    void listsVideosNewestFirst() {
        TestStack.Response response = stack.get("/videos");

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.json().path("items");
        assertThat(items.size()).isEqualTo(5);
        assertThat(items.get(0).path("videoUrl").asText()).startsWith("https://");
        assertThat(items.get(0).path("durationSeconds").asInt()).isPositive();
        assertThat(items.get(0).path("thumbnail").path("credit").asText()).isNotEmpty();
    }

    @Test
    void badInputOnEveryReadRouteIsA4xxWithTheContractErrorBody() {
        record Case(String path, int status, String code, String[] headers) {
        }
        List<Case> cases = List.of(
                new Case("/articles?limit=0", 400, "VALIDATION_FAILED", new String[0]),
                new Case("/articles?limit=51", 400, "VALIDATION_FAILED", new String[0]),
                new Case("/articles?limit=abc", 400, "VALIDATION_FAILED", new String[0]),
                new Case("/articles?cursor=not-a-cursor", 400, "VALIDATION_FAILED", new String[0]),
                new Case("/articles?cursor=eyJrIjoiWCIsInQiOiJZIn0", 400, "VALIDATION_FAILED", new String[0]),
                new Case("/articles", 400, "BAD_REQUEST", new String[] {"X-Reader-Id", "not-a-uuid"}),
                new Case("/articles", 401, "UNAUTHORIZED", new String[] {"Authorization", "Bearer forged.token.here"}),
                new Case("/articles/tidak-ada-artikel-ini", 404, "ARTICLE_NOT_FOUND", new String[0]),
                new Case("/articles/..%2F..%2Fetc", 404, "ARTICLE_NOT_FOUND", new String[0]),
                new Case("/articles/x", 401, "UNAUTHORIZED", new String[] {"Authorization", "Basic abc"}),
                new Case("/videos?limit=21", 400, "VALIDATION_FAILED", new String[0]),
                new Case("/videos", 400, "BAD_REQUEST", new String[] {"X-Reader-Id", "123"}),
                new Case("/no/such/route", 404, "NOT_FOUND", new String[0]));
        for (Case c : cases) {
            TestStack.Response response = stack.get(c.path(), c.headers());
            assertThat(response.status()).as(c.path()).isEqualTo(c.status());
            assertThat(response.errorCode()).as(c.path()).isEqualTo(c.code());
            assertThat(response.json().path("error").path("message").asText()).as(c.path()).isNotBlank();
            assertThat(response.header("Content-Type")).startsWith("application/json");
        }
        TestStack.Response validation = stack.get("/articles?limit=0");
        assertThat(validation.json().path("error").path("fields").path("limit").asText()).isNotBlank();
    }

    @Test
    void answersCorsForTheSiteOriginOnly() {
        String siteOrigin = stack.siteOrigin();
        TestStack.Response allowed = stack.send("OPTIONS", "/articles", null,
                "Origin", siteOrigin, "Access-Control-Request-Method", "GET");
        TestStack.Response other = stack.get("/articles", "Origin", "https://evil.example");

        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(siteOrigin);
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }
}
