package id.warta.local;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, row 6, over HTTP from several client addresses: each client's connections are bound to
 * a loopback address of its own, so the local API server gives the function that address as
 * {@code requestContext.http.sourceIp}, as API Gateway does with a client's. Runs on a stack of its
 * own with the template's per-client limits (the shared stack switches them off for the suite).
 */
@LocalStackOnly
class SignInAbuseIT {
    private static final String PASSWORD = AccountRequests.PASSWORD;

    @AutoClose
    private static final SecondStack own = TestStack.withTemplateClientLimits();
    private static final TestStack stack = own.stack();

    /** A loopback address (127.0.0.0/8, but not 127.0.0.1) for one client of one test. */
    private static InetAddress newClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            return InetAddress.getByAddress(new byte[]{127, (byte) random.nextInt(1, 255), (byte) random.nextInt(256),
                    (byte) random.nextInt(1, 255)});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestStack.Response login(InetAddress client, String email, String password, String... headers) {
        return stack.postFrom(client, "/auth/login", AccountRequests.json(Map.of("email", email, "password", password)),
                headers);
    }

    private static void assertLockedForTheWindow(TestStack.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(800L, 900L);
    }

    @Test
    void fiveWrongPasswordsFromOneClientLockOutThatClientButNotTheOwnerElsewhere() {
        InetAddress owner = newClient();
        InetAddress attacker = newClient();
        String email = AccountsMailbox.uniqueAddress("lockout");
        assertThat(stack.postFrom(owner, "/auth/register",
                AccountRequests.json(Map.of("email", email, "password", PASSWORD, "name", "Sari Dewi"))).status()).isEqualTo(202);

        for (int i = 0; i < 5; i++) {
            assertThat(login(attacker, email, "wrong-password").status()).isEqualTo(401);
        }

        assertLockedForTheWindow(login(attacker, email, PASSWORD));
        // sourceIp is the connection's, as API Gateway sees it; a header the client writes changes nothing.
        assertLockedForTheWindow(login(attacker, email, PASSWORD, "X-Forwarded-For", owner.getHostAddress()));
        TestStack.Response ownersLogin = login(owner, email, PASSWORD);
        assertThat(ownersLogin.status()).as(ownersLogin.body()).isEqualTo(200);
        assertThat(ownersLogin.json().path("accessToken").asText()).isNotBlank();
    }

    @Test
    void oneClientSprayingAPasswordOverAddressesIsRefusedOnTheTwentyFirst() {
        InetAddress sprayer = newClient();
        String domain = AccountsMailbox.uniqueAddress("spray");
        for (int i = 0; i < 20; i++) {
            assertThat(login(sprayer, i + "." + domain, "Rahasia-2026!").status()).isEqualTo(401);
        }

        assertLockedForTheWindow(login(sprayer, "20." + domain, "Rahasia-2026!"));
        assertThat(login(newClient(), "20." + domain, "Rahasia-2026!").status()).as("from another client").isEqualTo(401);
    }

    @Test
    void aClientPastItsHourlyMailCeilingGetsTheContractsAnswerToResetRequestsButNoEmail() {
        InetAddress owner = newClient();
        InetAddress bomber = newClient();
        AccountsMailbox mailbox = new AccountsMailbox(stack);
        String email = AccountsMailbox.uniqueAddress("bom");
        assertThat(stack.postFrom(owner, "/auth/register",
                AccountRequests.json(Map.of("email", email, "password", PASSWORD, "name", "Sari Dewi"))).status()).isEqualTo(202);
        mailbox.awaitEmails(email, 1);
        String others = AccountsMailbox.uniqueAddress("bom-lain");
        for (int i = 0; i < 60; i++) {
            assertThat(forgot(bomber, i + "." + others).status()).isEqualTo(202);
        }

        TestStack.Response overCeiling = forgot(bomber, email);

        assertThat(overCeiling.status()).as(overCeiling.body()).isEqualTo(202);
        assertThat(overCeiling.json().path("status").asText()).isEqualTo("RESET_SENT");
        assertThat(mailbox.pendingOutboxTo(email)).as("no reset email queued").isZero();
        // Had it sent one, the address's own limit (one a minute) would now skip the owner's request.
        assertThat(forgot(owner, email).status()).isEqualTo(202);
        assertThat(mailbox.awaitEmails(email, 2).getLast().path("subject").asText()).isNotBlank();
        assertThat(mailbox.emailsTo(email)).hasSize(2);
    }

    private static TestStack.Response forgot(InetAddress client, String email) {
        return stack.postFrom(client, "/auth/password/forgot", AccountRequests.json(Map.of("email", email)));
    }
}
