package id.warta.local;

import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import id.warta.content.AccessLevel;
import id.warta.content.Article;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /articles/{slug}/views through the local API server: what is recorded, for whom, and what is refused. */
class ViewsApiIT {
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private final TestStack stack = TestStack.shared();
    private final PaywallReaders readers = new PaywallReaders(stack);
    private final RecordedViews recorded = new RecordedViews(stack);
    private final Article free = stack.seeded().articles().stream()
            .filter(a -> a.summary().accessLevel() == AccessLevel.FREE).findFirst().orElseThrow();

    private TestStack.Response view(String slug, String body, String... headers) {
        return stack.post("/articles/" + slug + "/views", body, headers);
    }

    @Test
    void recordsABrowsersViewInTheTimeBucketsAndItsHistory() {
        String browser = UUID.randomUUID().toString();
        Instant before = Instant.now();

        TestStack.Response response = view(free.slug(), "{}", "X-Reader-Id", browser);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("access").path("level").asText()).isEqualTo("FREE");
        assertThat(recorded.since(before))
                .filteredOn(v -> v.reader().equals(ReaderKey.browser(browser)))
                .extracting(View::slug).containsExactly(free.slug());
        assertThat(recorded.history(ReaderKey.browser(browser))).containsExactly(free.slug());
    }

    @Test
    void recordsASignedInReadersViewUnderTheAccountNotTheBrowser() {
        PaywallReaders.SignedIn reader = readers.activated();
        String browser = UUID.randomUUID().toString();

        TestStack.Response response = view(free.slug(), "{}", "Authorization", reader.authorization(), "X-Reader-Id", browser);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("access").path("meter").path("used").asInt()).isZero();
        assertThat(recorded.history(ReaderKey.account(reader.id()))).containsExactly(free.slug());
        assertThat(recorded.history(ReaderKey.browser(browser))).isEmpty();
    }

    @Test
    void anEmptyBodyAndNoIdentityAreFine() {
        Instant before = Instant.now();

        TestStack.Response empty = view(free.slug(), null);
        TestStack.Response emptyObject = view(free.slug(), "{}");

        assertThat(empty.status()).isEqualTo(200);
        assertThat(emptyObject.status()).isEqualTo(200);
        assertThat(empty.json().path("access").path("meter").isNull()).isTrue();
        assertThat(recorded.since(before))
                .as("counted as anonymous, once for this client this hour (ViewCountingIT)")
                .anyMatch(v -> v.reader().isAnonymous() && v.slug().equals(free.slug()));
    }

    @Test
    void crawlersAreAnsweredButNeitherCountedNorAllowedToUnlock() {
        String browser = UUID.randomUUID().toString();
        PaywallReaders.SignedIn reader = readers.activated();
        Article metered = stack.seeded().articles().stream()
                .filter(a -> a.summary().accessLevel() == AccessLevel.METERED).findFirst().orElseThrow();
        Instant before = Instant.now();

        TestStack.Response anonymous = view(free.slug(), "{}", "X-Reader-Id", browser, "User-Agent", GOOGLEBOT);
        TestStack.Response signedIn = view(metered.slug(), "{}", "Authorization", reader.authorization(),
                "User-Agent", GOOGLEBOT);

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("access").path("granted").asBoolean()).isTrue();
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().path("access").path("granted").asBoolean()).isFalse();
        assertThat(readers.meterItem(reader)).isEmpty();
        assertThat(recorded.history(ReaderKey.browser(browser))).isEmpty();
        assertThat(recorded.history(ReaderKey.account(reader.id()))).isEmpty();
        assertThat(recorded.since(before))
                .noneMatch(v -> v.reader().equals(ReaderKey.browser(browser)) || v.reader().equals(ReaderKey.account(reader.id())));
    }

    @Test
    void clientMistakesAreAnsweredWithTheContractErrorBody() {
        record Case(String slug, String body, int status, String code, String[] headers) {
        }
        List<Case> cases = List.of(
                new Case("tidak-ada-artikel-ini", "{}", 404, "ARTICLE_NOT_FOUND", new String[0]),
                new Case("..%2F..%2Fetc", "{}", 404, "ARTICLE_NOT_FOUND", new String[0]),
                new Case(free.slug(), "[]", 400, "BAD_REQUEST", new String[0]),
                new Case(free.slug(), "\"teks\"", 400, "BAD_REQUEST", new String[0]),
                new Case(free.slug(), "{bukan json", 400, "BAD_REQUEST", new String[0]),
                new Case(free.slug(), "{}", 400, "BAD_REQUEST", new String[] {"X-Reader-Id", "bukan-uuid"}),
                new Case(free.slug(), "{}", 401, "UNAUTHORIZED", new String[] {"Authorization", "Bearer forged.token.here"}),
                new Case(free.slug(), "x".repeat(70_000), 413, "PAYLOAD_TOO_LARGE", new String[0]));
        for (Case c : cases) {
            TestStack.Response response = view(c.slug(), c.body(), c.headers());
            assertThat(response.status()).as(c.slug() + " " + c.code()).isEqualTo(c.status());
            assertThat(response.errorCode()).as(c.slug() + " " + c.code()).isEqualTo(c.code());
        }
    }
}
