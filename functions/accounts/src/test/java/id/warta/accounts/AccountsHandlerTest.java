package id.warta.accounts;

import id.warta.membership.ClientCeilings;
import id.warta.membership.Account;
import id.warta.membership.TokenPurpose;

import id.warta.hashing.Sha256;
import id.warta.reader.ReaderAccount;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import id.warta.membership.Account.PendingToken;
import id.warta.http.ReaderIdentity;
import id.warta.http.ReaderResolver;
import id.warta.http.RequestLog;
import id.warta.json.Json;
import id.warta.mail.MailKind;
import id.warta.mail.MailLanguage;
import id.warta.http.testing.EventFixtures;
import id.warta.testing.EmfRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler on the real-shaped events of events/accounts, with the domain on in-memory fakes. */
class AccountsHandlerTest {
    /** The account and link token that the fixtures activate.json, reset-password.json and set-subscription.json name. */
    private static final String FIXTURE_ACCOUNT = "1b4e28ba-2fa1-4d2b-883f-0016d3cca427";
    private static final String FIXTURE_TOKEN = FIXTURE_ACCOUNT + ".q0Zk3zO5bF1mPpY2Jc8xWn4vR7tHsLgDaE6uKiN9yTo";
    private static final String FIXTURE_EMAIL = "sari.dewi@example.id";
    /** The origin the events/accounts fixtures' browser requests come from. */
    private static final String SITE_ORIGIN = "http://localhost:3000";

    private final AccountsFixture f = new AccountsFixture();
    private final List<String> logLines = new ArrayList<>();
    private AccountsHandler handler;

    @BeforeEach
    void setUp() {
        handler = handlerOver(f);
    }

    private AccountsHandler handlerOver(AccountsFixture fixture) {
        return new AccountsHandler(new AccountRoutes(fixture.service, fixture.socialSignIn, fixture.sessions,
                new ReaderResolver(new ReaderIdentity(fixture.accessTokens), id -> fixture.store.find(id)
                        .map(a -> new ReaderAccount(a.id(), a.activated(), a.subscriberUntil(), a.credentialVersion()))),
                SITE_ORIGIN),
                new RequestLog("accounts", logLines::add, fixture.metrics));
    }

    private void seedFixtureAccount(TokenPurpose purpose) {
        f.store.save(new Account(FIXTURE_ACCOUNT, FIXTURE_EMAIL, "Sari Dewi", f.passwords.hash("kopi-tubruk-2026"), false, 0,
                null, AccountsFixture.START, Map.of(purpose, List.of(new PendingToken(Sha256.hex(FIXTURE_TOKEN),
                AccountsFixture.START.plus(Duration.ofMinutes(30)))))));
    }

    private APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event, int expectedStatus) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertThat(response.getStatusCode()).as(event.getRouteKey() + " " + response.getBody()).isEqualTo(expectedStatus);
        assertThat(response.getHeaders()).containsEntry("cache-control", "private, no-store");
        return response;
    }

    private JsonNode json(String fixture, int expectedStatus) throws Exception {
        APIGatewayV2HTTPResponse response = invoke(EventFixtures.httpEvent(fixture), expectedStatus);
        return response.getBody() == null ? null : Json.mapper().readTree(response.getBody());
    }

    @Test
    void registerAnswersActivationSentAndQueuesTheEmailInTheRequestedLanguage() throws Exception {
        assertThat(json("accounts/register.json", 202).path("status").asText()).isEqualTo("ACTIVATION_SENT");
        assertThat(json("accounts/register-english.json", 202).path("status").asText()).isEqualTo("ACTIVATION_SENT");

        assertThat(f.outbox).extracting(m -> m.recipient() + " " + m.language())
                .containsExactly(FIXTURE_EMAIL + " " + MailLanguage.ID, "alex@example.com " + MailLanguage.EN);
        assertThat(String.join("\n", logLines)).doesNotContain(FIXTURE_EMAIL).doesNotContain("kopi-tubruk");
    }

    @Test
    void registeringAKnownAddressAnswersExactlyLikeANewOne() {
        String first = invoke(EventFixtures.httpEvent("accounts/register.json"), 202).getBody();
        String again = invoke(EventFixtures.httpEvent("accounts/register.json"), 202).getBody();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void invalidRegistrationFieldsAreListed() throws Exception {
        JsonNode error = json("accounts/register-invalid.json", 400).path("error");

        assertThat(error.path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.path("fields").has("email")).isTrue();
        assertThat(error.path("fields").has("password")).isTrue();
        assertThat(error.path("fields").has("name")).isTrue();
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() throws Exception {
        assertThat(json("accounts/register-not-json.json", 400).path("error").path("code").asText()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void resendAnswersActivationSentForAnUnknownAddress() throws Exception {
        assertThat(json("accounts/resend-activation.json", 202).path("status").asText()).isEqualTo("ACTIVATION_SENT");
        assertThat(f.outbox).isEmpty();
    }

    @Test
    void resendForAKnownAddressWithinTheMinuteIsRateLimitedWithRetryAfter() {
        invoke(EventFixtures.httpEvent("accounts/register.json"), 202);

        APIGatewayV2HTTPResponse response = invoke(EventFixtures.httpEvent("accounts/resend-activation.json"), 429);

        assertThat(response.getHeaders()).containsEntry("retry-after", "60");
    }

    @Test
    void activateUsesTheLinkToken() throws Exception {
        seedFixtureAccount(TokenPurpose.ACTIVATION);

        assertThat(json("accounts/activate.json", 200).path("status").asText()).isEqualTo("ACTIVATED");
        assertThat(json("accounts/activate.json", 400).path("error").path("code").asText()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void aMalformedActivationTokenIsInvalid() throws Exception {
        assertThat(json("accounts/activate-malformed-token.json", 400).path("error").path("code").asText())
                .isEqualTo("TOKEN_INVALID");
    }

    @Test
    void loginThenMeShowsTheProfileAndMeter() throws Exception {
        seedFixtureAccount(TokenPurpose.ACTIVATION);
        JsonNode session = json("accounts/login.json", 200);
        assertThat(session.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(session.path("expiresIn").asLong()).isEqualTo(900);

        APIGatewayV2HTTPEvent me = EventFixtures.httpEvent("accounts/me-anonymous.json");
        Map<String, String> headers = new HashMap<>(me.getHeaders());
        headers.put("authorization", "Bearer " + session.path("accessToken").asText());
        me.setHeaders(headers);
        JsonNode profile = Json.mapper().readTree(invoke(me, 200).getBody());

        assertThat(profile.path("id").asText()).isEqualTo(FIXTURE_ACCOUNT);
        assertThat(profile.path("email").asText()).isEqualTo(FIXTURE_EMAIL);
        assertThat(profile.path("name").asText()).isEqualTo("Sari Dewi");
        assertThat(profile.path("activated").asBoolean()).isFalse();
        assertThat(profile.path("subscriber").asBoolean()).isFalse();
        assertThat(profile.path("meter").path("limit").asInt()).isEqualTo(2);
        assertThat(profile.path("unlocked").get(0).asText()).isEqualTo("kopi-gayo");
    }

    private static final String COOKIE_ATTRIBUTES = "; HttpOnly; Secure; SameSite=Strict; Path=/auth";
    private static final String CLEARED = "warta_session=" + COOKIE_ATTRIBUTES + "; Max-Age=0";

    /** The one Set-Cookie value of the answer. */
    private static String setCookie(APIGatewayV2HTTPResponse response) {
        assertThat(response.getCookies()).hasSize(1);
        return response.getCookies().getFirst();
    }

    /** The fixture, presenting the credential of {@code setCookie} in its cookie. */
    private static APIGatewayV2HTTPEvent withSessionOf(String fixture, String setCookie) throws Exception {
        APIGatewayV2HTTPEvent event = EventFixtures.httpEvent(fixture);
        event.setCookies(List.of(setCookie.substring(0, setCookie.indexOf(';'))));
        return event;
    }

    @Test
    void aLoginSetsTheSessionCookieWithMaxAgeOnlyWhenRemembered() throws Exception {
        seedFixtureAccount(TokenPurpose.ACTIVATION);

        String session = setCookie(invoke(EventFixtures.httpEvent("accounts/login.json"), 200));
        String remembered = setCookie(invoke(EventFixtures.httpEvent("accounts/login-remember.json"), 200));

        assertThat(session).matches("warta_session=" + FIXTURE_ACCOUNT + "\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"
                + java.util.regex.Pattern.quote(COOKIE_ATTRIBUTES));
        assertThat(remembered).endsWith(COOKIE_ATTRIBUTES + "; Max-Age=2592000");
    }

    @Test
    void aRefreshRotatesTheCookieAndAnswersANewAccessToken() throws Exception {
        seedFixtureAccount(TokenPurpose.ACTIVATION);
        String session = setCookie(invoke(EventFixtures.httpEvent("accounts/login.json"), 200));

        APIGatewayV2HTTPResponse refreshed = invoke(withSessionOf("accounts/refresh.json", session), 200);

        assertThat(setCookie(refreshed)).isNotEqualTo(session).endsWith(COOKIE_ATTRIBUTES);
        JsonNode body = Json.mapper().readTree(refreshed.getBody());
        assertThat(f.accessTokens.verify(body.path("accessToken").asText()).accountId()).isEqualTo(FIXTURE_ACCOUNT);
        assertThat(body.path("expiresIn").asLong()).isEqualTo(900);
    }

    @Test
    void aRefreshWithoutAValidSessionIsUnauthorizedAndClearsTheCookie() throws Exception {
        APIGatewayV2HTTPResponse unknown = invoke(EventFixtures.httpEvent("accounts/refresh.json"), 401);
        APIGatewayV2HTTPResponse none = invoke(EventFixtures.httpEvent("accounts/refresh-without-cookie.json"), 401);

        assertThat(setCookie(unknown)).isEqualTo(CLEARED);
        assertThat(setCookie(none)).isEqualTo(CLEARED);
        assertThat(Json.mapper().readTree(none.getBody()).path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void theCookieRoutesRefuseAnotherSitesOrigin() throws Exception {
        APIGatewayV2HTTPResponse refused = invoke(EventFixtures.httpEvent("accounts/refresh-from-another-site.json"), 403);

        assertThat(Json.mapper().readTree(refused.getBody()).path("error").path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(refused.getCookies()).isNullOrEmpty();
    }

    @Test
    void aLogoutEndsTheSessionAndClearsTheCookieWithOrWithoutOne() throws Exception {
        seedFixtureAccount(TokenPurpose.ACTIVATION);
        String session = setCookie(invoke(EventFixtures.httpEvent("accounts/login.json"), 200));

        assertThat(setCookie(invoke(withSessionOf("accounts/logout.json", session), 204))).isEqualTo(CLEARED);
        assertThat(setCookie(invoke(EventFixtures.httpEvent("accounts/logout-without-cookie.json"), 204))).isEqualTo(CLEARED);

        invoke(withSessionOf("accounts/refresh.json", session), 401);
    }

    @Test
    void aLogoutEverywhereNeedsTheBearerTokenAndEndsEverySession() throws Exception {
        seedFixtureAccount(TokenPurpose.ACTIVATION);
        APIGatewayV2HTTPResponse login = invoke(EventFixtures.httpEvent("accounts/login.json"), 200);
        String session = setCookie(login);
        String accessToken = Json.mapper().readTree(login.getBody()).path("accessToken").asText();
        invoke(EventFixtures.httpEvent("accounts/logout-all-without-cookie.json"), 401);

        APIGatewayV2HTTPEvent everywhere = withSessionOf("accounts/logout-all.json", session);
        Map<String, String> headers = new HashMap<>(everywhere.getHeaders());
        headers.put("authorization", "Bearer " + accessToken);
        everywhere.setHeaders(headers);
        assertThat(setCookie(invoke(everywhere, 204))).isEqualTo(CLEARED);

        invoke(withSessionOf("accounts/refresh.json", session), 401);
        invoke(everywhere, 401);
    }

    @Test
    void aWrongPasswordIsUnauthorized() throws Exception {
        seedFixtureAccount(TokenPurpose.ACTIVATION);

        assertThat(json("accounts/login-wrong-password.json", 401).path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void forgotAlwaysAnswersResetSent() throws Exception {
        assertThat(json("accounts/forgot-password.json", 202).path("status").asText()).isEqualTo("RESET_SENT");
        seedFixtureAccount(TokenPurpose.ACTIVATION);
        assertThat(json("accounts/forgot-password.json", 202).path("status").asText()).isEqualTo("RESET_SENT");

        assertThat(f.outbox).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MailKind.PASSWORD_RESET);
            assertThat(m.language()).isEqualTo(MailLanguage.EN);
        });
    }

    @Test
    void resetWithTheLinkTokenAnswersNoContent() {
        seedFixtureAccount(TokenPurpose.PASSWORD_RESET);

        assertThat(invoke(EventFixtures.httpEvent("accounts/reset-password.json"), 204).getBody()).isNull();
        assertThat(f.store.find(FIXTURE_ACCOUNT).orElseThrow().credentialVersion()).isEqualTo(1);
    }

    @Test
    void anUnverifiableIdTokenIsUnauthorized() throws Exception {
        assertThat(json("accounts/oidc-sign-in.json", 401).path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void anUnknownProviderIsNotFound() throws Exception {
        assertThat(json("accounts/oidc-unknown-provider.json", 404).path("error").path("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aValidIdTokenSignsInOnceAndSaysWhetherTheAccountIsNew() throws Exception {
        APIGatewayV2HTTPEvent event = EventFixtures.httpEvent("accounts/oidc-sign-in.json");
        event.setBody(Json.mapper().writeValueAsString(Map.of("idToken", f.idToken(FIXTURE_EMAIL, "n-1"), "nonce", "n-1")));
        String firstBody = event.getBody();

        JsonNode first = Json.mapper().readTree(invoke(event, 200).getBody());
        event.setBody(Json.mapper().writeValueAsString(Map.of("idToken", f.idToken(FIXTURE_EMAIL, "n-1"), "nonce", "n-1")));
        JsonNode again = Json.mapper().readTree(invoke(event, 200).getBody());
        event.setBody(firstBody);
        JsonNode replayed = Json.mapper().readTree(handler.handleRequest(event, null).getBody());

        assertThat(first.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(first.path("expiresIn").asLong()).isEqualTo(900);
        assertThat(first.path("created").asBoolean()).isTrue();
        assertThat(again.path("created").asBoolean()).isFalse();
        assertThat(replayed.path("error").path("code").asText()).as("the first token, again").isEqualTo("UNAUTHORIZED");
        assertThat(f.accessTokens.verify(again.path("accessToken").asText()).accountId())
                .isEqualTo(f.accessTokens.verify(first.path("accessToken").asText()).accountId());
        assertThat(String.join("\n", logLines)).doesNotContain(FIXTURE_EMAIL).doesNotContain("n-1");
    }

    @Test
    void aSignInBodyNeedsTheTokenAndTheNonce() throws Exception {
        APIGatewayV2HTTPEvent event = EventFixtures.httpEvent("accounts/oidc-sign-in.json");
        event.setBody("{\"idToken\": 42}");
        JsonNode problems = Json.mapper().readTree(invoke(event, 400).getBody()).path("error");

        assertThat(problems.path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problems.path("fields").has("idToken")).isTrue();
        assertThat(problems.path("fields").has("nonce")).isTrue();

        event.setBody("[\"not\", \"an object\"]");
        assertThat(Json.mapper().readTree(invoke(event, 400).getBody()).path("error").path("code").asText()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void meNeedsAValidBearerToken() throws Exception {
        assertThat(json("accounts/me-anonymous.json", 401).path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(json("accounts/me-invalid-token.json", 401).path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void theAdminRouteSetsASubscription() throws Exception {
        seedFixtureAccount(TokenPurpose.ACTIVATION);

        JsonNode body = json("accounts/set-subscription.json", 200);

        assertThat(body.path("id").asText()).isEqualTo(FIXTURE_ACCOUNT);
        assertThat(body.path("subscriber").asBoolean()).isTrue();
        assertThat(body.path("subscriberUntil").asText()).isEqualTo("2027-01-01T00:00:00+07:00");
    }

    @Test
    void theAdminRouteAnswersNotFoundForAnUnknownAccount() throws Exception {
        assertThat(json("accounts/set-subscription.json", 404).path("error").path("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theAdminRouteValidatesItsBody() throws Exception {
        JsonNode error = json("accounts/set-subscription-invalid.json", 400).path("error");

        assertThat(error.path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.path("fields").has("subscriber")).isTrue();
        assertThat(error.path("fields").has("until")).isTrue();
    }

    private List<String> metricsReported() {
        return EmfRecord.in(f.metricLines).stream().map(EmfRecord::summary).toList();
    }

    @Test
    void aRegistrationIsReportedOnceAndARateLimitedRequestUnderItsRouteKey() {
        invoke(EventFixtures.httpEvent("accounts/register.json"), 202);
        invoke(EventFixtures.httpEvent("accounts/register.json"), 202);
        invoke(EventFixtures.httpEvent("accounts/resend-activation.json"), 429);

        assertThat(metricsReported()).as("a known address creates no account")
                .containsExactly("Registrations=1", "RateLimited=1 Route=POST /auth/activation/resend");
    }

    @Test
    void aClientPastItsCeilingGetsTheFixedAnswerToResendAndResetButNothingIsSentAndTheLimitIsCounted() {
        AccountsFixture ceilingOfOne = new AccountsFixture(new ClientCeilings(0, 1));
        handler = handlerOver(ceilingOfOne);
        invoke(EventFixtures.httpEvent("accounts/register.json"), 202);
        int mails = ceilingOfOne.outbox.size();

        invoke(EventFixtures.httpEvent("accounts/forgot-password.json"), 202);
        invoke(EventFixtures.httpEvent("accounts/resend-activation.json"), 202);
        invoke(EventFixtures.httpEvent("accounts/register.json"), 429);

        assertThat(ceilingOfOne.outbox).hasSize(mails);
        assertThat(EmfRecord.in(ceilingOfOne.metricLines).stream().map(EmfRecord::summary).toList()).containsExactly(
                "Registrations=1", "RateLimited=1 Route=POST /auth/password/forgot",
                "RateLimited=1 Route=POST /auth/activation/resend", "RateLimited=1 Route=POST /auth/register");
        assertThat(logLines).filteredOn(line -> line.contains("\"limited\":true")).hasSize(2);
    }

    @Test
    void activationsAndSignInsAreReportedByMethodAndRefusalsAreNot() throws Exception {
        seedFixtureAccount(TokenPurpose.ACTIVATION);
        invoke(EventFixtures.httpEvent("accounts/activate.json"), 200);
        invoke(EventFixtures.httpEvent("accounts/activate.json"), 400);
        String session = setCookie(invoke(EventFixtures.httpEvent("accounts/login.json"), 200));
        invoke(EventFixtures.httpEvent("accounts/login-wrong-password.json"), 401);
        invoke(withSessionOf("accounts/refresh.json", session), 200);
        APIGatewayV2HTTPEvent social = EventFixtures.httpEvent("accounts/oidc-sign-in.json");
        social.setBody(Json.mapper().writeValueAsString(Map.of("idToken", f.idToken("dewi.baru@example.id", "n-2"),
                "nonce", "n-2")));
        invoke(social, 200);

        assertThat(metricsReported()).containsExactly("Activations=1", "SignIns=1 Method=Password",
                "SignIns=1 Method=Refresh", "Registrations=1", "SignIns=1 Method=Oidc");
        assertThat(String.join("\n", f.metricLines)).doesNotContain(FIXTURE_EMAIL, "dewi.baru", FIXTURE_ACCOUNT,
                session.substring(session.indexOf('=') + 1, session.indexOf(';')));
    }
}
