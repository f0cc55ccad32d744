package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.json.Json;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Accounts route of the contract through the local API server, against dynalite and the SES
 * emulator, with the mailer's real handler delivering the outbox.
 */
class AccountsApiIT {
    static final String ACCOUNTS_TABLE = "AccountsTable";
    private static final String PASSWORD = "kopi-tubruk-2026";
    private static final String NEW_PASSWORD = "es-teh-manis-2026";

    private final TestStack stack = TestStack.shared();
    private final AccountsMailbox mailbox = new AccountsMailbox(stack);

    private TestStack.Response register(String email, String... headers) {
        return stack.post("/auth/register", json(Map.of("email", email, "password", PASSWORD, "name", "Sari Dewi")), headers);
    }

    private static String json(Map<String, ?> body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestStack.Response activate(String token) {
        return stack.post("/auth/activate", json(Map.of("token", token)));
    }

    private TestStack.Response login(String email, String password) {
        return stack.post("/auth/login", json(Map.of("email", email, "password", password)));
    }

    private String signIn(String email, String password) {
        TestStack.Response response = login(email, password);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("accessToken").asText();
    }

    /** Registers and activates a fresh account; returns its address. */
    private String activatedAccount(String prefix) {
        String email = AccountsMailbox.uniqueAddress(prefix);
        assertThat(register(email).status()).isEqualTo(202);
        assertThat(activate(AccountsMailbox.token(mailbox.awaitLatestEmail(email, 1))).status()).isEqualTo(200);
        return email;
    }

    @Test
    void registerEmailActivateLoginAndMe() {
        String email = AccountsMailbox.uniqueAddress("flow");

        TestStack.Response registered = register(email.toUpperCase(), "Accept-Language", "id-ID,id;q=0.9,en;q=0.5");
        assertThat(registered.status()).isEqualTo(202);
        assertThat(registered.json().path("status").asText()).isEqualTo("ACTIVATION_SENT");

        JsonNode mail = mailbox.awaitLatestEmail(email, 1);
        assertThat(mail.path("from").asText()).isEqualTo("no-reply@warta.example");
        assertThat(mail.path("subject").asText()).isEqualTo("Aktifkan akun Warta Anda");
        assertThat(mail.path("body").path("html").asText()).contains(stack.site() + "/aktivasi?token=");
        assertThat(mail.path("body").path("text").asText()).contains(stack.site() + "/aktivasi?token=", "Halo Sari Dewi");

        TestStack.Response activated = activate(AccountsMailbox.token(mail));
        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.json().path("status").asText()).isEqualTo("ACTIVATED");

        TestStack.Response session = login(email, PASSWORD);
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(session.json().path("expiresIn").asLong()).isEqualTo(900);

        TestStack.Response me = stack.get("/me", "Authorization", "Bearer " + session.json().path("accessToken").asText());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("Cache-Control")).isEqualTo("private, no-store");
        JsonNode profile = me.json();
        assertThat(profile.path("email").asText()).isEqualTo(email);
        assertThat(profile.path("name").asText()).isEqualTo("Sari Dewi");
        assertThat(profile.path("activated").asBoolean()).isTrue();
        assertThat(profile.path("subscriber").asBoolean()).isFalse();
        assertThat(profile.path("meter").path("limit").asInt()).isEqualTo(2);
        assertThat(profile.path("meter").path("remaining").asInt()).isEqualTo(2);
        assertThat(profile.path("meter").path("periodEnd").asText()).endsWith("T00:00:00+07:00");
        assertThat(profile.path("unlocked").isArray()).isTrue();
        assertThat(profile.path("id").asText()).isNotBlank();
    }

    @Test
    void theEmailIsInEnglishWhenAcceptLanguagePrefersEnglish() {
        String email = AccountsMailbox.uniqueAddress("english");

        register(email, "Accept-Language", "en-US,en;q=0.9,id;q=0.8");

        JsonNode mail = mailbox.awaitLatestEmail(email, 1);
        assertThat(mail.path("subject").asText()).isEqualTo("Activate your Warta account");
        assertThat(mail.path("body").path("text").asText()).contains("Hello Sari Dewi", "/aktivasi?token=");
    }

    @Test
    void unactivatedAccountsMaySignIn() {
        String email = AccountsMailbox.uniqueAddress("unactivated");
        register(email);

        String token = signIn(email, PASSWORD);

        assertThat(stack.get("/me", "Authorization", "Bearer " + token).json().path("activated").asBoolean()).isFalse();
    }

    @Test
    void registerAnswersIdenticallyForNewAndKnownAddressesAndTellsTheOwner() {
        String known = activatedAccount("known");

        TestStack.Response again = register(known);
        TestStack.Response fresh = register(AccountsMailbox.uniqueAddress("fresh"));

        assertThat(again.status()).isEqualTo(fresh.status()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(fresh.body());
        mailbox.forgetLimit("ACTIVATION_SEND", known);
        register(known);
        JsonNode notice = mailbox.awaitLatestEmail(known, 2);
        assertThat(notice.path("subject").asText()).isEqualTo("Anda sudah memiliki akun Warta");
        assertThat(notice.path("body").path("text").asText()).doesNotContain("token=");
    }

    @Test
    void aNewerActivationLinkInvalidatesTheOlderOne() {
        String email = AccountsMailbox.uniqueAddress("newer-link");
        register(email);
        String older = AccountsMailbox.token(mailbox.awaitLatestEmail(email, 1));
        mailbox.forgetLimit("ACTIVATION_SEND", email);

        assertThat(stack.post("/auth/activation/resend", json(Map.of("email", email))).status()).isEqualTo(202);
        String newer = AccountsMailbox.token(mailbox.awaitLatestEmail(email, 2));

        assertThat(newer).isNotEqualTo(older);
        assertThat(activate(older).errorCode()).isEqualTo("TOKEN_INVALID");
        assertThat(activate(newer).status()).isEqualTo(200);
    }

    @Test
    void anActivationLinkWorksOnlyOnce() {
        String email = AccountsMailbox.uniqueAddress("reuse");
        register(email);
        String token = AccountsMailbox.token(mailbox.awaitLatestEmail(email, 1));

        assertThat(activate(token).status()).isEqualTo(200);
        TestStack.Response reused = activate(token);

        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.errorCode()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void anExpiredActivationLinkIsInvalid() {
        String email = AccountsMailbox.uniqueAddress("expired");
        register(email);
        String token = AccountsMailbox.token(mailbox.awaitLatestEmail(email, 1));
        String accountId = token.substring(0, token.indexOf('.'));
        // The expiry is checked in code against the stored instant; move it into the past.
        stack.cloud().dynamo().updateItem(b -> b.tableName(ACCOUNTS_TABLE)
                .key(Map.of("pk", AttributeValue.fromS("ACCOUNT#" + accountId), "sk", AttributeValue.fromS("ACCOUNT")))
                .updateExpression("SET activationExpiresAt = :past")
                .expressionAttributeValues(Map.of(":past", AttributeValue.fromS(Instant.now().minusSeconds(1).toString()))));

        assertThat(activate(token).errorCode()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void unknownMalformedOrMissingActivationTokensAreRejected() {
        assertThat(activate("00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").errorCode())
                .isEqualTo("TOKEN_INVALID");
        assertThat(activate("<script>").errorCode()).isEqualTo("TOKEN_INVALID");
        TestStack.Response missing = stack.post("/auth/activate", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(stack.post("/auth/activate", "[1,2]").errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void resendIsLimitedForRegisteredAddressesOnly() {
        String email = AccountsMailbox.uniqueAddress("resend");
        register(email);

        TestStack.Response limited = stack.post("/auth/activation/resend", json(Map.of("email", email)));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);

        String unknown = AccountsMailbox.uniqueAddress("never-registered");
        for (int i = 0; i < 3; i++) {
            TestStack.Response response = stack.post("/auth/activation/resend", json(Map.of("email", unknown)));
            assertThat(response.status()).isEqualTo(202);
            assertThat(response.json().path("status").asText()).isEqualTo("ACTIVATION_SENT");
        }
    }

    @Test
    void registrationValidatesEveryField() {
        TestStack.Response response = stack.post("/auth/register",
                json(Map.of("email", "bukan-email", "password", "pendek", "name", "")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("error").path("fields").has("email")).isTrue();
        assertThat(response.json().path("error").path("fields").has("password")).isTrue();
        assertThat(response.json().path("error").path("fields").has("name")).isTrue();
        assertThat(stack.post("/auth/register", "not json").errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(stack.post("/auth/register", json(Map.of("email", "a@example.id", "password", "x".repeat(129), "name", "A")))
                .json().path("error").path("fields").has("password")).isTrue();
    }

    @Test
    void wrongEmailAndWrongPasswordAreTheSameUnauthorized() {
        String email = activatedAccount("login");

        TestStack.Response wrongPassword = login(email, "not-the-password");
        TestStack.Response unknownEmail = login(AccountsMailbox.uniqueAddress("nobody"), PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
        assertThat(stack.post("/auth/login", json(Map.of("email", email))).errorCode()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void fiveFailedLoginsLockTheAddressEvenForTheRightPassword() {
        String email = activatedAccount("lockout");
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "wrong-password-" + i).status()).isEqualTo(401);
        }

        TestStack.Response locked = login(email, PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(800L, 900L);
    }

    @Test
    void passwordResetReplacesThePasswordAndRevokesEarlierAccessTokens() {
        String email = activatedAccount("reset");
        String before = signIn(email, PASSWORD);
        assertThat(stack.get("/me", "Authorization", "Bearer " + before).status()).isEqualTo(200);

        TestStack.Response forgot = stack.post("/auth/password/forgot", json(Map.of("email", email)), "Accept-Language", "en");
        assertThat(forgot.status()).isEqualTo(202);
        assertThat(forgot.json().path("status").asText()).isEqualTo("RESET_SENT");
        JsonNode mail = mailbox.awaitLatestEmail(email, 2);
        assertThat(mail.path("subject").asText()).isEqualTo("Reset your Warta password");
        assertThat(mail.path("body").path("text").asText()).contains(stack.site() + "/reset-password?token=");
        String token = AccountsMailbox.token(mail);

        TestStack.Response tooShort = stack.post("/auth/password/reset", json(Map.of("token", token, "password", "short")));
        assertThat(tooShort.errorCode()).isEqualTo("VALIDATION_FAILED");
        TestStack.Response reset = stack.post("/auth/password/reset", json(Map.of("token", token, "password", NEW_PASSWORD)));
        assertThat(reset.status()).isEqualTo(204);

        assertThat(stack.get("/me", "Authorization", "Bearer " + before).status()).isEqualTo(401);
        assertThat(login(email, PASSWORD).status()).isEqualTo(401);
        assertThat(stack.get("/me", "Authorization", "Bearer " + signIn(email, NEW_PASSWORD)).status()).isEqualTo(200);
        TestStack.Response reused = stack.post("/auth/password/reset", json(Map.of("token", token, "password", "third-password-1")));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.errorCode()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void forgotAnswersIdenticallyForKnownAndUnknownAddresses() {
        String known = activatedAccount("forgot");

        TestStack.Response forKnown = stack.post("/auth/password/forgot", json(Map.of("email", known)));
        TestStack.Response forUnknown = stack.post("/auth/password/forgot", json(Map.of("email", AccountsMailbox.uniqueAddress("x"))));

        assertThat(forKnown.status()).isEqualTo(forUnknown.status()).isEqualTo(202);
        assertThat(forKnown.body()).isEqualTo(forUnknown.body());
        assertThat(stack.post("/auth/password/reset", json(Map.of("token", "nope", "password", NEW_PASSWORD))).errorCode())
                .isEqualTo("TOKEN_INVALID");
    }

    @Test
    void meNeedsAValidCurrentBearerToken() {
        assertThat(stack.get("/me").status()).isEqualTo(401);
        assertThat(stack.get("/me", "Authorization", "Bearer not.a.jwt").errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(stack.get("/me", "Authorization", "Basic abc").status()).isEqualTo(401);
    }

    @Test
    void theAdminRouteSetsAndClearsSubscriptions() {
        String email = activatedAccount("subscriber");
        String accessToken = signIn(email, PASSWORD);
        String accountId = stack.get("/me", "Authorization", "Bearer " + accessToken).json().path("id").asText();
        String path = "/admin/accounts/" + accountId + "/subscription";

        TestStack.Response dated = stack.sendSigned("PUT", path, json(Map.of("subscriber", true, "until", "2099-01-01T00:00:00+07:00")));
        assertThat(dated.status()).isEqualTo(200);
        assertThat(dated.json().path("id").asText()).isEqualTo(accountId);
        assertThat(dated.json().path("subscriber").asBoolean()).isTrue();
        assertThat(dated.json().path("subscriberUntil").asText()).isEqualTo("2099-01-01T00:00:00+07:00");
        assertThat(stack.get("/me", "Authorization", "Bearer " + accessToken).json().path("subscriber").asBoolean()).isTrue();

        TestStack.Response openEnded = stack.sendSigned("PUT", path, "{\"subscriber\": true, \"until\": null}");
        assertThat(openEnded.json().path("subscriberUntil").isNull()).isTrue();

        TestStack.Response cleared = stack.sendSigned("PUT", path, "{\"subscriber\": false, \"until\": null}");
        assertThat(cleared.json().path("subscriber").asBoolean()).isFalse();
        assertThat(stack.get("/me", "Authorization", "Bearer " + accessToken).json().path("subscriber").asBoolean()).isFalse();

        assertThat(stack.sendSigned("PUT", path, "{\"subscriber\": \"ya\"}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(stack.sendSigned("PUT", "/admin/accounts/no-such-account/subscription", "{\"subscriber\": true, \"until\": null}")
                .errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void onceMailIsDeliveredNoRawTokenPasswordOrLinkSecretIsStoredAnywhere() {
        String email = activatedAccount("scan");
        stack.post("/auth/password/forgot", json(Map.of("email", email)));
        mailbox.awaitEmails(email, 2);

        List<String> secrets = new ArrayList<>(List.of(PASSWORD, NEW_PASSWORD));
        for (JsonNode sent : mailbox.allEmails()) {
            AccountsMailbox.tokenIfAny(sent).ifPresent(token -> {
                secrets.add(token);
                secrets.add(token.substring(token.indexOf('.') + 1));
            });
        }
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(6);

        StringBuilder everything = new StringBuilder();
        stack.cloud().dynamo().scanPaginator(b -> b.tableName(ACCOUNTS_TABLE)).items()
                .forEach(item -> everything.append(item).append('\n'));
        assertThat(everything.toString()).contains("ACCOUNT#");
        for (String secret : secrets) {
            assertThat(everything.toString()).as("a stored secret").doesNotContain(secret);
        }
    }
}
