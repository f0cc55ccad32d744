package id.warta.views;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import id.warta.reader.ReaderAccount;
import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import id.warta.activity.ViewLog;
import id.warta.content.Edition;
import id.warta.http.ReaderIdentity;
import id.warta.http.RequestLog;
import id.warta.identity.AccessTokens;
import id.warta.http.JwtAccessTokens;
import id.warta.testing.TestSigningKeys;
import id.warta.json.Json;
import id.warta.testing.InMemoryViewCeiling;
import id.warta.testing.InMemoryViewLog;
import id.warta.logging.EmbeddedMetricFormat;
import id.warta.logging.EventLog;
import id.warta.paywall.AccessPolicy;
import id.warta.paywall.MeterPeriod;
import id.warta.paywall.PaywallMetrics;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The views function on the real-shaped events of events/views, with content, accounts and meters in memory. */
class ViewsHandlerTest {
    /** 30 November 2026, 23:59 in Jakarta: the last minute of the November period. */
    private static final Instant LAST_MINUTE_OF_NOVEMBER = Instant.parse("2026-11-30T16:59:00Z");
    /** 1 December 2026, 00:00 in Jakarta, while UTC is still on 30 November. */
    private static final Instant FIRST_MINUTE_OF_DECEMBER = Instant.parse("2026-11-30T17:00:00Z");
    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    private static final String FREE = "harga-beras-medium-naik-di-pasar-induk";
    private static final String METERED = "sidang-gugatan-sawit-ditunda";
    private static final String OTHER_METERED = "kebun-plasma-yang-terlupakan";
    private static final String THIRD_METERED = "izin-tambang-di-hulu-sungai";
    private static final String COVER_STORY = "jerat-tengkulak-di-lumbung-padi";
    private static final String BROWSER = "0b6f2c1e-8a3d-4f5b-9c7e-2d1a4b6c8e90";
    /** The address of the fixtures' client. */
    private static final String FIXTURE_IP = "203.0.113.10";
    private static final int CEILING = 20;

    private final InMemoryContentRepository content = new InMemoryContentRepository();
    private final InMemoryPaywall paywall = new InMemoryPaywall(content);
    private final RecordingViewLog viewLog = new RecordingViewLog();
    private final InMemoryViewCeiling ceiling = new InMemoryViewCeiling(CEILING);
    private final List<String> logLines = new ArrayList<>();
    private final List<String> metricLines = new ArrayList<>();
    private final EmbeddedMetricFormat metrics = new EmbeddedMetricFormat("Warta", "test", new EventLog("views", metricLines::add),
            Clock.fixed(LAST_MINUTE_OF_NOVEMBER, ZoneOffset.UTC));
    private final AccessTokens tokens = new JwtAccessTokens(TestSigningKeys.single(SECRET), Clock.fixed(LAST_MINUTE_OF_NOVEMBER, ZoneOffset.UTC));
    private ViewsHandler handler;

    @BeforeEach
    void setUp() {
        Instant published = LAST_MINUTE_OF_NOVEMBER.minusSeconds(3600);
        content.save(SampleContent.article(FREE, "ekonomi", Edition.WEB, false, published));
        content.save(SampleContent.article(METERED, "hukum", Edition.MAJALAH, false, published));
        content.save(SampleContent.article(OTHER_METERED, "ekonomi", Edition.KORAN, false, published));
        content.save(SampleContent.article(THIRD_METERED, "lingkungan", Edition.KORAN, false, published));
        content.save(SampleContent.article(COVER_STORY, "ekonomi", Edition.KORAN, true, published));
        handler = handlerAt(LAST_MINUTE_OF_NOVEMBER);
    }

    private ViewsHandler handlerAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new ViewsHandler(new ArticleViews(paywall, paywall, paywall, viewLog, ceiling, new NetworkPseudonyms(SECRET),
                new AccessPolicy(2), new PaywallMetrics(metrics), clock),
                new ReaderIdentity(new JwtAccessTokens(TestSigningKeys.single(SECRET), clock)), new RequestLog("views", logLines::add, metrics));
    }

    private ReaderAccount reader(String id, boolean activated, Instant subscriberUntil) {
        ReaderAccount account = new ReaderAccount(id, activated, subscriberUntil, 1);
        paywall.save(account);
        return account;
    }

    private JsonNode post(String fixture, int expectedStatus) throws Exception {
        return post(handler, null, fixture, null, expectedStatus);
    }

    /** The fixture, as the given reader (null: as in the file), for the given article (null: as in the file). */
    private JsonNode post(ViewsHandler target, ReaderAccount account, String fixture, String slug, int expectedStatus)
            throws Exception {
        return post(target, account, fixture, slug, null, null, expectedStatus);
    }

    /** ... also from another client address and browser id (null: as in the file). */
    private JsonNode post(ViewsHandler target, ReaderAccount account, String fixture, String slug, String sourceIp,
                          String browser, int expectedStatus) throws Exception {
        APIGatewayV2HTTPEvent event = EventFixtures.httpEvent(fixture);
        if (sourceIp != null) {
            event.getRequestContext().getHttp().setSourceIp(sourceIp);
        }
        if (browser != null) {
            event.getHeaders().put("x-reader-id", browser);
        }
        if (account != null) {
            event.getHeaders().put("authorization", "Bearer " + tokens.issue(account.id(), account.credentialVersion()));
        }
        if (slug != null) {
            event.setPathParameters(new HashMap<>(Map.of("slug", slug)));
        }
        APIGatewayV2HTTPResponse response = target.handleRequest(event, null);
        assertThat(response.getStatusCode()).as(fixture).isEqualTo(expectedStatus);
        assertThat(response.getHeaders()).containsEntry("cache-control", "private, no-store");
        return Json.mapper().readTree(response.getBody());
    }

    private JsonNode view(ReaderAccount account, String slug) throws Exception {
        return post(handler, account, "views/record-view-metered.json", slug, 200).path("access");
    }

    @Test
    void recordsAnAnonymousBrowsersViewOfAFreeArticle() throws Exception {
        JsonNode access = post("views/record-view.json", 200).path("access");

        assertThat(access.path("level").asText()).isEqualTo("FREE");
        assertThat(access.path("granted").asBoolean()).isTrue();
        assertThat(access.path("reason").isNull()).isTrue();
        assertThat(access.path("meter").isNull()).isTrue();
        assertThat(viewLog.views).containsExactly(new View(FREE, ReaderKey.browser(BROWSER), LAST_MINUTE_OF_NOVEMBER));
    }

    @Test
    void aViewWithoutAnyIdentityIsStillCountedAsAnonymousWithoutItsAddress() throws Exception {
        post("views/record-view-without-identity.json", 200);

        assertThat(viewLog.views).singleElement().satisfies(view -> {
            assertThat(view.reader().isAnonymous()).isTrue();
            assertThat(view.reader().value()).startsWith("anon:").doesNotContain(FIXTURE_IP).doesNotContain("203");
        });
    }

    @Test
    void aBrowsersRepeatedViewsOfAnArticleCountOnceAnHour() throws Exception {
        for (int i = 0; i < 5; i++) {
            post("views/record-view.json", 200);
        }
        post(handlerAt(LAST_MINUTE_OF_NOVEMBER.plusSeconds(60)), null, "views/record-view.json", null, 200);

        assertThat(viewLog.views).containsExactly(new View(FREE, ReaderKey.browser(BROWSER), LAST_MINUTE_OF_NOVEMBER),
                new View(FREE, ReaderKey.browser(BROWSER), LAST_MINUTE_OF_NOVEMBER.plusSeconds(60)));
    }

    @Test
    void viewsWithoutAnyIdCountOncePerNetworkArticleAndHour() throws Exception {
        for (int i = 0; i < 5; i++) {
            post(handler, null, "views/record-view-without-identity.json", null, FIXTURE_IP, null, 200);
            post(handler, null, "views/record-view-without-identity.json", null, "198.51.100.7", null, 200);
        }
        post(handler, null, "views/record-view-without-identity.json", OTHER_METERED, FIXTURE_IP, null, 200);

        assertThat(viewLog.views).hasSize(3).allMatch(v -> v.reader().isAnonymous());
        assertThat(viewLog.views.stream().map(View::reader).distinct()).hasSize(2);
    }

    @Test
    void beyondTheCeilingViewsFromOneAddressAreAnsweredAndUnlockButNoLongerCount() throws Exception {
        for (int i = 0; i < CEILING + 5; i++) {
            JsonNode access = post(handler, null, "views/record-view.json", null, FIXTURE_IP,
                    "00000000-0000-4000-8000-" + String.format("%012d", i), 200).path("access");
            assertThat(access.path("granted").asBoolean()).isTrue();
        }
        ReaderAccount reader = reader("acc-1", true, null);
        JsonNode unlocked = view(reader, METERED);
        post(handler, null, "views/record-view.json", null, "198.51.100.7", null, 200);

        assertThat(viewLog.views).hasSize(CEILING + 1);
        assertThat(unlocked.path("granted").asBoolean()).as("the unlock is not the ceiling's business").isTrue();
        assertThat(unlocked.path("meter").path("used").asInt()).isEqualTo(1);
        assertThat(viewLog.views.getLast().reader()).as("another address still counts").isEqualTo(ReaderKey.browser(BROWSER));
        assertThat(viewLog.views).noneMatch(v -> v.reader().equals(ReaderKey.account(reader.id())));
    }

    @Test
    void anActivatedReaderUnlocksAMeteredArticleWithOneCredit() throws Exception {
        ReaderAccount reader = reader("acc-1", true, null);

        JsonNode access = view(reader, METERED);

        assertThat(access.path("level").asText()).isEqualTo("METERED");
        assertThat(access.path("granted").asBoolean()).isTrue();
        assertThat(access.path("meter").path("used").asInt()).isEqualTo(1);
        assertThat(access.path("meter").path("remaining").asInt()).isEqualTo(1);
        assertThat(paywall.current(reader.id(), MeterPeriod.containing(LAST_MINUTE_OF_NOVEMBER)).unlocked())
                .containsExactly(METERED);
        assertThat(viewLog.views).extracting(View::reader).containsExactly(ReaderKey.account(reader.id()));
    }

    @Test
    void repeatedViewsOfAnUnlockedArticleSpendNoFurtherCredit() throws Exception {
        ReaderAccount reader = reader("acc-1", true, null);

        view(reader, METERED);
        JsonNode again = view(reader, METERED);

        assertThat(again.path("granted").asBoolean()).isTrue();
        assertThat(again.path("meter").path("used").asInt()).isEqualTo(1);
        assertThat(viewLog.views).as("counted once this hour").hasSize(1);
    }

    @Test
    void afterTheLimitFurtherMeteredArticlesStayLockedWithQuotaExhausted() throws Exception {
        ReaderAccount reader = reader("acc-1", true, null);
        view(reader, METERED);
        view(reader, OTHER_METERED);

        JsonNode third = view(reader, THIRD_METERED);

        assertThat(third.path("granted").asBoolean()).isFalse();
        assertThat(third.path("reason").asText()).isEqualTo("QUOTA_EXHAUSTED");
        assertThat(third.path("meter").path("remaining").asInt()).isZero();
        assertThat(paywall.current(reader.id(), MeterPeriod.containing(LAST_MINUTE_OF_NOVEMBER)).unlocked())
                .containsExactlyInAnyOrder(METERED, OTHER_METERED);
    }

    @Test
    void everyViewOfAMeteredArticleByAReaderIsAnUnlockCountedByItsOutcomeAndNothingElseIs() throws Exception {
        ReaderAccount reader = reader("acc-1", true, null);
        view(reader, METERED);
        view(reader, METERED);
        view(reader, OTHER_METERED);
        view(reader, THIRD_METERED);
        view(reader("acc-2", false, null), METERED);
        view(reader("acc-3", true, LAST_MINUTE_OF_NOVEMBER.plusSeconds(86_400)), METERED);
        view(null, METERED);
        post("views/record-view.json", 200);
        post("views/record-view-crawler.json", 200);

        assertThat(EmfRecord.in(metricLines)).extracting(EmfRecord::summary).containsExactly(
                "Unlocks=1 Outcome=GRANTED", "Unlocks=1 Outcome=NOT_NEEDED", "Unlocks=1 Outcome=GRANTED",
                "Unlocks=1 Outcome=QUOTA_EXHAUSTED", "Unlocks=1 Outcome=ACTIVATION_REQUIRED", "Unlocks=1 Outcome=NOT_NEEDED",
                "Unlocks=1 Outcome=LOGIN_REQUIRED");
        assertThat(String.join("\n", metricLines)).doesNotContain(METERED, "acc-1", BROWSER, FIXTURE_IP);
    }

    @Test
    void creditUsedUpAt2359IsFreshAtMidnightInJakartaWhileUtcIsStillOnThePreviousDay() throws Exception {
        ReaderAccount reader = reader("acc-1", true, null);
        view(reader, METERED);
        view(reader, OTHER_METERED);

        JsonNode december = post(handlerAt(FIRST_MINUTE_OF_DECEMBER), reader, "views/record-view-metered.json",
                THIRD_METERED, 200).path("access");

        assertThat(december.path("granted").asBoolean()).isTrue();
        assertThat(december.path("meter").path("used").asInt()).isEqualTo(1);
        assertThat(december.path("meter").path("periodEnd").asText()).isEqualTo("2027-01-01T00:00:00+07:00");
        assertThat(paywall.current(reader.id(), MeterPeriod.containing(FIRST_MINUTE_OF_DECEMBER)).unlocked())
                .containsExactly(THIRD_METERED);
    }

    @Test
    void anUnactivatedReaderMustActivateAndSpendsNothing() throws Exception {
        ReaderAccount reader = reader("acc-2", false, null);

        JsonNode access = view(reader, METERED);

        assertThat(access.path("reason").asText()).isEqualTo("ACTIVATION_REQUIRED");
        assertThat(access.path("meter").path("used").asInt()).isZero();
        assertThat(paywall.unlockAttempts()).isZero();
        assertThat(viewLog.views).hasSize(1);
    }

    @Test
    void subscribersReadEverythingAndAreNeverMetered() throws Exception {
        ReaderAccount reader = reader("acc-3", true, LAST_MINUTE_OF_NOVEMBER.plusSeconds(86_400 * 30L));

        JsonNode metered = view(reader, METERED);
        JsonNode cover = view(reader, COVER_STORY);

        assertThat(metered.path("granted").asBoolean()).isTrue();
        assertThat(cover.path("granted").asBoolean()).isTrue();
        assertThat(cover.path("meter").path("used").asInt()).isZero();
        assertThat(paywall.unlockAttempts()).isZero();
    }

    @Test
    void aCoverStoryNeedsASubscriptionAndNeverTakesACredit() throws Exception {
        ReaderAccount reader = reader("acc-1", true, null);

        JsonNode access = view(reader, COVER_STORY);

        assertThat(access.path("granted").asBoolean()).isFalse();
        assertThat(access.path("reason").asText()).isEqualTo("SUBSCRIPTION_REQUIRED");
        assertThat(paywall.unlockAttempts()).isZero();
    }

    @Test
    void anonymousReadersOfAMeteredArticleMustLogIn() throws Exception {
        JsonNode access = post("views/record-view-metered.json", 200).path("access");

        assertThat(access.path("reason").asText()).isEqualTo("LOGIN_REQUIRED");
        assertThat(access.path("meter").isNull()).isTrue();
    }

    @Test
    void crawlersAreAnsweredButNeitherCountedNorAllowedToSpendACredit() throws Exception {
        ReaderAccount reader = reader("acc-1", true, null);

        JsonNode anonymous = post("views/record-view-crawler.json", 200).path("access");
        JsonNode signedIn = post(handler, reader, "views/record-view-crawler.json", METERED, 200).path("access");

        assertThat(anonymous.path("granted").asBoolean()).isTrue();
        assertThat(signedIn.path("granted").asBoolean()).isFalse();
        assertThat(signedIn.path("reason").isNull()).isTrue();
        assertThat(signedIn.path("meter").path("used").asInt()).isZero();
        assertThat(viewLog.views).isEmpty();
        assertThat(paywall.unlockAttempts()).isZero();
    }

    @Test
    void answersClientMistakesWithTheContractErrorBody() throws Exception {
        assertThat(post("views/record-view-unknown.json", 404).path("error").path("code").asText())
                .isEqualTo("ARTICLE_NOT_FOUND");
        assertThat(post("views/record-view-not-an-object.json", 400).path("error").path("code").asText())
                .isEqualTo("BAD_REQUEST");
        assertThat(post("views/record-view-invalid-token.json", 401).path("error").path("code").asText())
                .isEqualTo("UNAUTHORIZED");
        assertThat(viewLog.views).isEmpty();
    }

    @Test
    void aTokenOfAnAccountWhosePasswordChangedIsRejectedAndNothingIsRecorded() throws Exception {
        ReaderAccount reader = reader("acc-1", true, null);
        ReaderAccount stale = new ReaderAccount(reader.id(), true, null, reader.credentialVersion() + 1);
        paywall.save(stale);

        assertThat(post(handler, reader, "views/record-view-metered.json", null, 401).path("error").path("code").asText())
                .isEqualTo("UNAUTHORIZED");
        assertThat(viewLog.views).isEmpty();
        assertThat(paywall.unlockAttempts()).isZero();
    }

    @Test
    void writesOneLogLinePerRequestWithoutTheToken() throws Exception {
        view(reader("acc-1", true, null), METERED);

        assertThat(logLines).hasSize(1);
        assertThat(logLines.getFirst()).contains("\"status\":200").doesNotContain("eyJ");
    }

    /** The in-memory view log's counting rules, remembering the views it counted in order. */
    private static final class RecordingViewLog implements ViewLog {
        final List<View> views = new CopyOnWriteArrayList<>();
        private final InMemoryViewLog log = new InMemoryViewLog();

        @Override
        public boolean record(View view) {
            boolean counted = log.record(view);
            if (counted) {
                views.add(view);
            }
            return counted;
        }

        @Override
        public List<View> viewsInHour(Instant hour) {
            throw new UnsupportedOperationException("the views function only records");
        }

        @Override
        public Set<String> recentlyViewed(ReaderKey reader, int limit) {
            throw new UnsupportedOperationException("the views function only records");
        }
    }
}
