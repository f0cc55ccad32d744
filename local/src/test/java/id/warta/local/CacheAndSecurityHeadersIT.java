package id.warta.local;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cache safety for a paywall: whatever depends on the reader is `private, no-store`; only what every
 * anonymous reader gets alike may sit in a shared cache, briefly. Every response carries nosniff; the
 * two site pages carry a strict CSP and no referrer.
 */
class CacheAndSecurityHeadersIT {
    private static final String PRIVATE = "private, no-store";
    private static final String PUBLIC = "public, max-age=60";
    private static final String FREE = "harga-beras-medium-naik-di-pasar-induk";
    private static final String METERED = "petani-karawang-tunda-tanam-karena-pupuk-langka";

    private final TestStack stack = TestStack.shared();
    private final PaywallReaders readers = new PaywallReaders(stack);

    private record Expectation(String label, TestStack.Response response, String cacheControl) {
    }

    @Test
    void readerDependentAnswersAreNeverStoredBySharedCaches() {
        String[] signedIn = readers.activated().headers();
        String[] browser = {"X-Reader-Id", UUID.randomUUID().toString()};
        List<Expectation> expectations = new ArrayList<>(List.of(
                new Expectation("anonymous list", stack.get("/articles"), PUBLIC),
                new Expectation("signed-in list", stack.get("/articles", signedIn), PRIVATE),
                new Expectation("anonymous free article", stack.get("/articles/" + FREE), PUBLIC),
                new Expectation("signed-in free article", stack.get("/articles/" + FREE, signedIn), PRIVATE),
                new Expectation("anonymous metered teaser", stack.get("/articles/" + METERED), PRIVATE),
                new Expectation("signed-in metered article", stack.get("/articles/" + METERED, signedIn), PRIVATE),
                new Expectation("recommendations for a browser", stack.get("/articles/" + FREE + "/recommendations", browser), PRIVATE),
                new Expectation("recommendations signed in", stack.get("/articles/" + FREE + "/recommendations", signedIn), PRIVATE),
                new Expectation("anonymous trending", stack.get("/trending"), PUBLIC),
                new Expectation("anonymous videos", stack.get("/videos"), PUBLIC),
                new Expectation("view", stack.post("/articles/" + FREE + "/views", "{}", browser), PRIVATE),
                new Expectation("me", stack.get("/me", signedIn), PRIVATE),
                new Expectation("login", stack.post("/auth/login", "{\"email\":\"tidak-ada@example.id\",\"password\":\"salah-sekali-1\"}"), PRIVATE),
                new Expectation("register", stack.post("/auth/register", "{\"email\":\"" + AccountsMailbox.uniqueAddress("cache")
                        + "\",\"password\":\"kata-sandi-cache\",\"name\":\"Cache\"}"), PRIVATE),
                new Expectation("error", stack.get("/articles?limit=0"), PRIVATE),
                new Expectation("unknown route", stack.get("/tidak/ada"), PRIVATE)));

        for (Expectation e : expectations) {
            assertThat(e.response().status()).as(e.label()).isLessThan(500);
            assertThat(e.response().header("Cache-Control")).as(e.label()).isEqualTo(e.cacheControl());
            assertThat(e.response().header("X-Content-Type-Options")).as(e.label()).isEqualTo("nosniff");
        }
    }

    private static List<String> vary(TestStack.Response response) {
        String header = response.header("Vary");
        return header == null ? List.of() : Arrays.stream(header.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
    }

    @Test
    void everyAnswerVariesOnOriginAndAuthorizationWithOrWithoutAnOriginAndRecommendationsOnTheReaderId() {
        String browser = UUID.randomUUID().toString();
        for (String[] origin : List.of(new String[0], new String[] {"Origin", stack.siteOrigin()},
                new String[] {"Origin", "https://elsewhere.example"})) {
            String label = origin.length == 0 ? "no Origin" : origin[1];
            for (String path : List.of("/articles", "/articles/" + FREE, "/trending", "/videos", "/articles?limit=0", "/tidak/ada")) {
                TestStack.Response response = stack.get(path, origin);
                assertThat(vary(response)).as(path + ", " + label).contains("origin", "authorization");
            }
            TestStack.Response recommendations = stack.get("/articles/" + FREE + "/recommendations", origin);
            assertThat(vary(recommendations)).as("recommendations, " + label).contains("origin", "authorization", "x-reader-id");
            TestStack.Response view = stack.post("/articles/" + FREE + "/views", "{}",
                    origin.length == 0 ? new String[] {"X-Reader-Id", browser} : new String[] {"X-Reader-Id", browser, origin[0], origin[1]});
            assertThat(vary(view)).as("view, " + label).contains("origin", "authorization");
        }
        assertThat(stack.get("/articles", "Origin", stack.siteOrigin()).header("Access-Control-Allow-Origin"))
                .isEqualTo(stack.siteOrigin());
    }

    @Test
    void aResponseThatDoesNotGrantAccessHoldsNoMoreThanTheTeaser() {
        TestStack.Response teaser = stack.get("/articles/" + METERED);

        assertThat(teaser.json().path("access").path("granted").asBoolean()).isFalse();
        assertThat(teaser.json().path("truncated").asBoolean()).isTrue();
        assertThat(teaser.json().path("body").size()).isLessThanOrEqualTo(2);
        String third = stack.seeded().articles().stream().filter(a -> a.slug().equals(METERED)).findFirst().orElseThrow()
                .body().get(2);
        assertThat(teaser.body()).doesNotContain(third);
    }

    @Test
    void theEmailLinkPagesCarryAStrictContentSecurityPolicyAndNoReferrer() {
        for (String page : List.of("/aktivasi?token=abc", "/reset-password?token=abc")) {
            TestStack.Response response = stack.page(page);

            assertThat(response.status()).as(page).isEqualTo(200);
            String csp = response.header("Content-Security-Policy");
            assertThat(csp).as(page).contains("default-src 'none'").contains("script-src 'self'")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("*");
            assertThat(response.header("Referrer-Policy")).as(page).isEqualTo("no-referrer");
            assertThat(response.header("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
        }
    }
}
