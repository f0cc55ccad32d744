package id.warta.local;

import id.warta.dynamo.ActivityTable;
import id.warta.dynamo.DynamoViewCeiling;
import id.warta.hashing.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import id.warta.membership.OneTimeTokens;
import id.warta.reader.ReaderKey;
import id.warta.content.AccessLevel;
import id.warta.dynamo.Attr;
import id.warta.local.faults.Fault;
import id.warta.local.faults.FaultRule;
import id.warta.local.faults.Match;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 rows 2, 3 and 6 and the rest of the retry-safe writes (issue 17 rows 11 and 13 among
 * them): DynamoDB applies a conditional write but its answer is lost, so the SDK sends it again and
 * the condition fails against the write's own result. Each request still gets the answer its first
 * attempt earned.
 */
class LostAnswersIT {
    private static final String NEW_PASSWORD = "es-teh-manis-2026";
    private static final String METERED_ARTICLE = "petani-karawang-tunda-tanam-karena-pupuk-langka";

    @AutoClose
    private static final ProxiedStack proxied = TestStack.behindFaultProxy();
    private static final TestStack stack = proxied.stack();
    private static final AccountRequests accounts = new AccountRequests(proxied.stack());
    private static final AccountsMailbox mailbox = new AccountsMailbox(proxied.stack());
    /** Read straight from the emulator, past the proxy. */
    private static final RecordedViews views = new RecordedViews(TestStack.shared());
    private static final String ACTIVITY_TABLE = new PaywallReaders(stack).table("ACTIVITY_TABLE");

    @AfterEach
    void clearFaults() {
        proxied.dynamoDb().clear();
    }

    /** The next matching write lands and its answer is lost (the connection closes unanswered). */
    private static FaultRule loseNextAnswer(String operation, String... bodyFragments) {
        Match match = Match.operation(operation);
        for (String fragment : bodyFragments) {
            match = match.bodyContains(fragment);
        }
        return proxied.dynamoDb().inject(match, Fault.dropAfterWrite(), 1);
    }

    @Test
    void aResetWhoseAnswerWasLostSucceedsAndUsesTheLinkUp() {
        String email = accounts.activatedAccount("lost-reset");
        assertThat(accounts.forgot(email).status()).isEqualTo(202);
        String token = AccountsMailbox.token(mailbox.awaitLatestEmail(email, 2));
        FaultRule lost = loseNextAnswer("UpdateItem", "passwordHash = :password");

        TestStack.Response reset = accounts.reset(token, NEW_PASSWORD);

        assertThat(lost.hits()).isEqualTo(1);
        assertThat(reset.status()).as(reset.body()).isEqualTo(204);
        assertThat(accounts.login(email, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(accounts.login(email, AccountRequests.PASSWORD).status()).isEqualTo(401);
        assertThat(accounts.reset(token, "another-password-1").errorCode()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void aSessionRotationWhoseAnswerWasLostAnswersItsSuccessor() {
        String email = accounts.activatedAccount("lost-refresh");
        TestStack.Response login = accounts.login(email, AccountRequests.PASSWORD);
        String cookie = login.header("Set-Cookie").substring(0, login.header("Set-Cookie").indexOf(';'));
        FaultRule lost = loseNextAnswer("UpdateItem", "credentialHash");

        TestStack.Response refreshed = stack.post("/auth/refresh", null, "Cookie", cookie);

        assertThat(lost.hits()).isEqualTo(1);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        String successor = refreshed.header("Set-Cookie").substring(0, refreshed.header("Set-Cookie").indexOf(';'));
        assertThat(successor).isNotEqualTo(cookie);
        assertThat(stack.post("/auth/refresh", null, "Cookie", successor).status()).as("the successor is current")
                .isEqualTo(200);
    }

    @Test
    void anActivationWhoseAnswerWasLostSucceeds() {
        String email = AccountsMailbox.uniqueAddress("lost-activation");
        assertThat(accounts.register(email).status()).isEqualTo(202);
        String token = AccountsMailbox.token(mailbox.awaitLatestEmail(email, 1));
        FaultRule lost = loseNextAnswer("UpdateItem", "activated = :true");

        TestStack.Response activated = accounts.activate(token);

        assertThat(lost.hits()).isEqualTo(1);
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        TestStack.Response session = accounts.login(email, AccountRequests.PASSWORD);
        TestStack.Response me = stack.get("/me", "Authorization", "Bearer " + session.json().path("accessToken").asText());
        assertThat(me.json().path("activated").asBoolean()).isTrue();
    }

    @Test
    void threeWrongPasswordsWithLostAnswersCountThreeFailuresNotSix() {
        String email = accounts.activatedAccount("lost-login");
        for (int i = 0; i < 3; i++) {
            FaultRule lost = loseNextAnswer("PutItem", mailbox.limitKey("LOGIN_FAILURE", email));
            assertThat(accounts.login(email, "wrong-password-" + i).status()).isEqualTo(401);
            assertThat(lost.hits()).isEqualTo(1);
        }

        // Five failures lock the address: two more wrong passwords are still answered, then it locks.
        assertThat(accounts.login(email, "wrong-password-3").status()).isEqualTo(401);
        assertThat(accounts.login(email, "wrong-password-4").status()).isEqualTo(401);
        assertThat(accounts.login(email, AccountRequests.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void aResendWhoseRateLimitAnswerWasLostSendsItsEmail() {
        String email = AccountsMailbox.uniqueAddress("lost-resend");
        assertThat(accounts.register(email).status()).isEqualTo(202);
        mailbox.awaitEmails(email, 1);
        mailbox.forgetLimit("ACTIVATION_SEND", email);
        FaultRule lost = loseNextAnswer("PutItem", mailbox.limitKey("ACTIVATION_SEND", email));

        TestStack.Response resent = accounts.resend(email);

        assertThat(lost.hits()).isEqualTo(1);
        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        assertThat(mailbox.pendingOutboxTo(email)).isEqualTo(1);
        assertThat(accounts.activate(AccountsMailbox.token(mailbox.awaitLatestEmail(email, 2))).status()).isEqualTo(200);
    }

    /** The request, with its outbox insert's answer lost, is answered 202 and has queued exactly one email. */
    private static void assertOneEmailQueuedDespiteALostOutboxAnswer(String email, Supplier<TestStack.Response> request) {
        FaultRule lost = loseNextAnswer("PutItem", "OUTBOX#", email);

        TestStack.Response response = request.get();

        assertThat(lost.hits()).isEqualTo(1);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(mailbox.pendingOutboxTo(email)).isEqualTo(1);
    }

    @Test
    void aRegistrationWhoseOutboxAnswerWasLostAnswers202AndQueuesOneEmail() {
        String email = AccountsMailbox.uniqueAddress("lost-outbox");

        assertOneEmailQueuedDespiteALostOutboxAnswer(email, () -> accounts.register(email));
    }

    @Test
    void aForgotPasswordWhoseOutboxAnswerWasLostAnswers202AndQueuesOneEmail() {
        String email = accounts.activatedAccount("lost-forgot");

        assertOneEmailQueuedDespiteALostOutboxAnswer(email, () -> accounts.forgot(email));

        String token = AccountsMailbox.token(mailbox.awaitLatestEmail(email, 2));
        assertThat(accounts.reset(token, NEW_PASSWORD).status()).isEqualTo(204);
    }

    @Test
    void aMeterUnlockWhoseAnswerWasLostSpendsOneCredit() {
        String email = accounts.activatedAccount("lost-unlock");
        String bearer = "Bearer " + accounts.login(email, AccountRequests.PASSWORD).json().path("accessToken").asText();
        FaultRule lost = loseNextAnswer("UpdateItem", "METER#");

        TestStack.Response unlocked = stack.post("/articles/" + METERED_ARTICLE + "/views", "{}", "Authorization", bearer);

        assertThat(lost.hits()).isEqualTo(1);
        assertThat(unlocked.body()).as(unlocked.body()).contains("\"granted\":true");
        JsonNode meter = stack.get("/me", "Authorization", bearer).json().path("meter");
        assertThat(meter.path("remaining").asInt()).isEqualTo(meter.path("limit").asInt() - 1);
    }

    @Test
    void aSocialSignUpWhoseClaimAndLinkAnswersWereLostCreatesOneAccount() {
        String email = AccountsMailbox.uniqueAddress("lost-oidc");
        String nonce = UUID.randomUUID().toString();
        FaultRule lostClaim = loseNextAnswer("PutItem", "EMAIL#" + email);
        FaultRule lostLink = loseNextAnswer("PutItem", "IDENTITY#google#");
        String idToken = stack.oidcIssuer().mint(stack.oidcIssuer().claims(email, nonce).build());

        TestStack.Response first = stack.post("/auth/oidc/google", AccountRequests.json(Map.of("idToken", idToken, "nonce", nonce)));

        assertThat(lostClaim.hits()).isEqualTo(1);
        assertThat(lostLink.hits()).isEqualTo(1);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("created").asBoolean()).isTrue();
        String again = stack.oidcIssuer().mint(stack.oidcIssuer().claims(email, nonce).build());
        TestStack.Response second = stack.post("/auth/oidc/google", AccountRequests.json(Map.of("idToken", again, "nonce", nonce)));
        assertThat(second.json().path("created").asBoolean()).isFalse();
        assertThat(accountId(second)).isEqualTo(accountId(first));
    }

    @Test
    void anIdTokenWhoseFirstUseAnswerWasLostSignsInOnce() {
        String nonce = UUID.randomUUID().toString();
        String idToken = stack.oidcIssuer().mint(stack.oidcIssuer().claims(AccountsMailbox.uniqueAddress("lost-id-token"), nonce).build());
        String signIn = AccountRequests.json(Map.of("idToken", idToken, "nonce", nonce));
        FaultRule lost = loseNextAnswer("PutItem", "IDTOKEN#" + Sha256.hex(idToken));

        TestStack.Response first = stack.post("/auth/oidc/google", signIn);

        assertThat(lost.hits()).isEqualTo(1);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(stack.post("/auth/oidc/google", signIn).status()).as("a second use").isEqualTo(401);
    }

    @Test
    void aViewWhoseCeilingAndClaimAnswersWereLostIsCountedOnceAndEntersTheHistory() {
        String browser = UUID.randomUUID().toString();
        ReaderKey reader = ReaderKey.browser(browser);
        String free = stack.seeded().articles().stream()
                .filter(a -> a.summary().accessLevel() == AccessLevel.FREE).findFirst().orElseThrow().slug();
        Instant before = Instant.now();
        FaultRule lostTake = loseNextAnswer("UpdateItem", "VIEWCAP#");
        FaultRule lostClaim = loseNextAnswer("PutItem", "VIEWS#", reader.value());

        TestStack.Response viewed = stack.post("/articles/" + free + "/views", "{}", "X-Reader-Id", browser);

        assertThat(lostTake.hits()).isEqualTo(1);
        assertThat(lostClaim.hits()).isEqualTo(1);
        assertThat(viewed.status()).as(viewed.body()).isEqualTo(200);
        assertThat(views.since(before)).filteredOn(v -> v.reader().equals(reader)).as("counted, once").hasSize(1);
        assertThat(views.history(reader)).containsExactly(free);
    }

    @Test
    void aViewCeilingTakeWhoseAnswerWasLostIsTakenOnce() {
        String network = "lost-answer-" + UUID.randomUUID();
        FaultRule lost = loseNextAnswer("UpdateItem", "VIEWCAP#" + network);

        boolean admitted = new DynamoViewCeiling(stack.cloud().dynamo(), ACTIVITY_TABLE, 2).admits(network, Instant.now());

        assertThat(lost.hits()).isEqualTo(1);
        assertThat(admitted).isTrue();
        Map<String, AttributeValue> counter = TestStack.shared().cloud().dynamo().getItem(b -> b.tableName(ACTIVITY_TABLE)
                .key(ActivityTable.viewCeilingKey(network))).item();
        assertThat(counter.get("n").n()).as("one write taken, not two").isEqualTo("1");
    }

    private static String accountId(TestStack.Response session) {
        return stack.get("/me", "Authorization", "Bearer " + session.json().path("accessToken").asText()).json().path("id").asText();
    }

    @Test
    void aSuppressionWhoseAnswerWasLostIsReportedAsMadeNowNotAsAnEarlierOne() {
        String address = AccountsMailbox.uniqueAddress("lost-suppression");
        FaultRule lost = loseNextAnswer("PutItem", "SUPPRESSED#");

        JsonNode result = SuppressedAddressIT.feedback(stack, "bounce-permanent.json", address);

        assertThat(lost.hits()).isEqualTo(1);
        assertThat(result.path("hardBounceSuppressions").asInt()).as(result.toString()).isEqualTo(1);
        assertThat(SuppressedAddressIT.feedback(stack, "bounce-permanent.json", address)
                .path("hardBounceSuppressions").asInt()).as("a second notification finds it suppressed").isZero();
    }
}
