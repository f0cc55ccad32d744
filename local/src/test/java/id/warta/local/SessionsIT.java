package id.warta.local;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Sessions section of the contract over HTTP, against the emulators: the cookie a sign-in sets,
 * rotation on every refresh, reuse detection, sign-out, sign-out everywhere, a password reset, the
 * Origin check, and two tabs refreshing one credential at the same moment.
 */
class SessionsIT {
    private static final String ATTRIBUTES = "; HttpOnly; Secure; SameSite=Strict; Path=/auth";
    private static final String CLEARED = "warta_session=" + ATTRIBUTES + "; Max-Age=0";
    private static final Pattern SET_COOKIE = Pattern.compile(
            "warta_session=([0-9a-f-]{36}\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})" + Pattern.quote(ATTRIBUTES) + "(; Max-Age=\\d+)?");

    private final TestStack stack = TestStack.shared();
    private final AccountRequests accounts = new AccountRequests(stack);

    /** What a browser keeps of a sign-in: the access token in memory, the credential in its cookie jar. */
    private record Browser(String accessToken, String credential) {
        String cookie() {
            return "warta_session=" + credential;
        }

        String accountId() {
            return credential.substring(0, credential.indexOf('.'));
        }
    }

    private TestStack.Response login(String email, boolean remember) {
        return stack.post("/auth/login", AccountRequests.json(Map.of("email", email, "password", AccountRequests.PASSWORD,
                "remember", remember)), "Origin", stack.siteOrigin());
    }

    private Browser signIn(String email, boolean remember) {
        return browserAfter(login(email, remember));
    }

    private static Browser browserAfter(TestStack.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Matcher cookie = SET_COOKIE.matcher(response.header("Set-Cookie"));
        assertThat(cookie.matches()).as(response.header("Set-Cookie")).isTrue();
        return new Browser(response.json().path("accessToken").asText(), cookie.group(1));
    }

    private TestStack.Response refresh(Browser browser) {
        return stack.post("/auth/refresh", null, "Cookie", browser.cookie(), "Origin", stack.siteOrigin());
    }

    private Browser refreshed(Browser browser) {
        return browserAfter(refresh(browser));
    }

    private static void assertEndedAndCleared(TestStack.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(response.header("Set-Cookie")).isEqualTo(CLEARED);
    }

    @Test
    void aLoginSetsTheSessionCookieWithExactlyTheContractsAttributesAndMaxAgeOnlyWhenRemembered() {
        String email = accounts.activatedAccount("sesi");

        TestStack.Response session = login(email, false);
        TestStack.Response remembered = login(email, true);

        assertThat(session.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(session.headers().get("set-cookie")).hasSize(1);
        assertThat(session.header("Set-Cookie")).isEqualTo("warta_session=" + browserAfter(session).credential() + ATTRIBUTES);
        assertThat(remembered.header("Set-Cookie"))
                .isEqualTo("warta_session=" + browserAfter(remembered).credential() + ATTRIBUTES + "; Max-Age=2592000");
    }

    @Test
    void aChainOfTwentyRefreshesRotatesTheCredentialEveryTime() {
        Browser browser = signIn(accounts.activatedAccount("rantai"), true);
        Set<String> credentials = new HashSet<>(List.of(browser.credential()));

        for (int i = 0; i < 20; i++) {
            TestStack.Response response = refresh(browser);
            assertThat(response.header("Set-Cookie")).endsWith(ATTRIBUTES + "; Max-Age=2592000");
            browser = browserAfter(response);
            credentials.add(browser.credential());
        }

        assertThat(credentials).hasSize(21);
        assertThat(stack.get("/me", "Authorization", "Bearer " + browser.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void replayingARotatedCredentialEndsTheSessionForTheThiefAndTheOwner() {
        Browser stolen = signIn(accounts.activatedAccount("curian"), false);
        Browser owner = refreshed(refreshed(stolen));

        assertEndedAndCleared(refresh(stolen));

        assertEndedAndCleared(refresh(owner));
    }

    @Test
    void aLogoutEndsTheSessionAndClearsTheCookie() {
        String email = accounts.activatedAccount("keluar");
        Browser browser = signIn(email, true);
        Browser otherDevice = signIn(email, true);

        TestStack.Response logout = stack.post("/auth/logout", null, "Cookie", browser.cookie(), "Origin", stack.siteOrigin());
        TestStack.Response again = stack.post("/auth/logout", null, "Origin", stack.siteOrigin());

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.header("Set-Cookie")).isEqualTo(CLEARED);
        assertThat(again.status()).as("without a session").isEqualTo(204);
        assertEndedAndCleared(refresh(browser));
        assertThat(refresh(otherDevice).status()).as("the other device's session").isEqualTo(200);
    }

    @Test
    void aLogoutEverywhereEndsEverySessionAndOlderAccessTokensFailOnEveryRoute() {
        String email = accounts.activatedAccount("semua");
        Browser laptop = signIn(email, true);
        Browser phone = refreshed(signIn(email, false));

        TestStack.Response everywhere = stack.post("/auth/logout-all", null, "Authorization", "Bearer " + laptop.accessToken(),
                "Cookie", laptop.cookie(), "Origin", stack.siteOrigin());

        assertThat(everywhere.status()).as(everywhere.body()).isEqualTo(204);
        assertThat(everywhere.header("Set-Cookie")).isEqualTo(CLEARED);
        assertEndedAndCleared(refresh(laptop));
        assertEndedAndCleared(refresh(phone));
        List<String> accepted = new ArrayList<>();
        for (SamTemplate.HttpRoute route : readerRoutes()) {
            RouteSamples.Sample sample = RouteSamples.of(route);
            for (Browser older : List.of(laptop, phone)) {
                TestStack.Response response = stack.send(sample.method(), sample.path(), sample.body(),
                        "Authorization", "Bearer " + older.accessToken(), "Origin", stack.siteOrigin());
                if (response.status() != 401 || !"UNAUTHORIZED".equals(response.errorCode())) {
                    accepted.add(route.routeKey() + " answered " + response.status());
                }
            }
        }
        assertThat(accepted).as("routes that still accept an access token issued before").isEmpty();
        Browser signedInAgain = signIn(email, false);
        assertThat(stack.get("/me", "Authorization", "Bearer " + signedInAgain.accessToken()).status()).isEqualTo(200);
    }

    /** Every route that reads the bearer token: all but the IAM-authorised ones and the sign-in and link routes. */
    private List<SamTemplate.HttpRoute> readerRoutes() {
        return stack.cloud().template().httpRoutes().stream()
                .filter(route -> route.path() != null && !route.iamAuthorised())
                .filter(route -> !route.path().startsWith("/auth/") || route.path().equals("/auth/logout-all"))
                .toList();
    }

    @Test
    void aPasswordResetEndsEverySessionOfTheAccount() {
        String email = accounts.activatedAccount("reset");
        Browser remembered = signIn(email, true);
        Browser other = signIn(email, false);
        assertThat(accounts.forgot(email).status()).isEqualTo(202);
        String token = AccountsMailbox.token(new AccountsMailbox(stack).awaitLatestEmail(email, 2));

        assertThat(accounts.reset(token, "es-teh-manis-2026").status()).isEqualTo(204);

        assertEndedAndCleared(refresh(remembered));
        assertEndedAndCleared(refresh(other));
    }

    @Test
    void theCookieRoutesRefuseAnotherOriginWhateverTheyCarry() {
        Browser browser = signIn(accounts.activatedAccount("asing"), true);
        String elsewhere = "https://warta.example.evil";

        List<TestStack.Response> refused = List.of(
                stack.post("/auth/refresh", null, "Cookie", browser.cookie(), "Origin", elsewhere),
                stack.post("/auth/logout", null, "Cookie", browser.cookie(), "Origin", elsewhere),
                stack.post("/auth/logout-all", null, "Authorization", "Bearer " + browser.accessToken(),
                        "Cookie", browser.cookie(), "Origin", elsewhere));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(response.header("Set-Cookie")).isNull();
        });
        assertThat(refresh(browser).status()).as("the session is untouched").isEqualTo(200);
    }

    @Test
    void fiftyConcurrentRefreshesOfOneCredentialFromTwoTabsLeaveTheReaderSignedInExactlyOnce() throws Exception {
        Browser signedIn = signIn(accounts.activatedAccount("dua-tab"), true);
        int refreshes = 50;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestStack.Response>> answers = new ArrayList<>();
        // Two tabs, each with its own connection pool's worth of requests, all presenting the same cookie.
        try (ExecutorService firstTab = Executors.newFixedThreadPool(refreshes / 2);
             ExecutorService secondTab = Executors.newFixedThreadPool(refreshes / 2)) {
            for (int i = 0; i < refreshes; i++) {
                answers.add((i % 2 == 0 ? firstTab : secondTab).submit(() -> {
                    go.await();
                    return refresh(signedIn);
                }));
            }
            go.countDown();
        }

        Set<String> successors = new HashSet<>();
        for (Future<TestStack.Response> answer : answers) {
            successors.add(browserAfter(answer.get()).credential());
        }
        assertThat(successors).as("every refresh got the one successor").hasSize(1);
        Browser after = new Browser(null, successors.iterator().next());
        assertThat(sessionsOf(after.accountId())).as("session items of the account").hasSize(1);
        assertThat(refresh(after).status()).as("the successor refreshes").isEqualTo(200);
    }

    /** The account's session items, straight from the table. */
    private List<Map<String, AttributeValue>> sessionsOf(String accountId) {
        LocalCloud cloud = stack.cloud();
        String table = cloud.environmentOf(cloud.template().functions().getFirst()).get("ACCOUNTS_TABLE");
        return cloud.dynamo().query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :session)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ACCOUNT#" + accountId),
                        ":session", AttributeValue.fromS("SESSION#")))).items();
    }
}
