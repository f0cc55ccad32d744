package id.warta.local;

import id.warta.local.faults.Fault;
import id.warta.local.faults.FaultRule;
import id.warta.local.faults.Match;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 row 5: when the outbox write of an email fails (DynamoDB answers 500 to every attempt),
 * the reader is told 503, the earlier link still works, nothing is charged to the send limit, and
 * a retry at once queues an email whose link works.
 */
class FailedOutboxWriteIT {
    private static final String NEW_PASSWORD = "es-teh-manis-2026";

    @AutoClose
    private static final ProxiedStack proxied = TestStack.behindFaultProxy();
    private static final AccountRequests accounts = new AccountRequests(proxied.stack());
    private static final AccountsMailbox mailbox = new AccountsMailbox(proxied.stack());

    /** The request, with every attempt at writing an outbox item for the address failing. */
    private static TestStack.Response withOutboxFailing(String email, Supplier<TestStack.Response> request) {
        try (FaultRule failing = proxied.dynamoDb().inject(Match.operation("PutItem").bodyContains("OUTBOX#").bodyContains(email),
                Fault.dynamoDbError(500, "InternalServerError", "Internal server error"))) {
            TestStack.Response response = request.get();
            assertThat(failing.hits()).isGreaterThanOrEqualTo(1);
            return response;
        }
    }

    /** The address's latest link (from its {@code emails}-th email); then a send of a newer one fails (503). */
    private static String earlierLinkThenAFailedSend(String email, int emails, String limit,
                                                     Supplier<TestStack.Response> send) {
        String earlier = AccountsMailbox.token(mailbox.awaitLatestEmail(email, emails));
        mailbox.forgetLimit(limit, email);
        assertThat(withOutboxFailing(email, send).status()).isEqualTo(503);
        return earlier;
    }

    @Test
    void aRegistrationWhoseEmailCouldNotBeQueuedSendsAWorkingLinkWhenRetriedAtOnce() {
        String email = AccountsMailbox.uniqueAddress("failed-register");

        assertThat(withOutboxFailing(email, () -> accounts.register(email)).status()).isEqualTo(503);
        assertThat(accounts.register(email).status()).isEqualTo(202);

        assertThat(accounts.activate(AccountsMailbox.token(mailbox.awaitLatestEmail(email, 1))).status()).isEqualTo(200);
        assertThat(accounts.login(email, AccountRequests.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aResendWhoseEmailCouldNotBeQueuedSendsWhenRetriedAtOnce() {
        String email = AccountsMailbox.uniqueAddress("failed-resend");
        assertThat(accounts.register(email).status()).isEqualTo(202);
        String earlier = earlierLinkThenAFailedSend(email, 1, "ACTIVATION_SEND", () -> accounts.resend(email));

        assertThat(accounts.resend(email).status()).isEqualTo(202);

        String newer = AccountsMailbox.token(mailbox.awaitLatestEmail(email, 2));
        assertThat(accounts.activate(earlier).errorCode()).isEqualTo("TOKEN_INVALID");
        assertThat(accounts.activate(newer).status()).isEqualTo(200);
    }

    @Test
    void aForgotPasswordWhoseEmailCouldNotBeQueuedSendsAWorkingLinkWhenRetriedAtOnce() {
        String email = accounts.activatedAccount("failed-forgot");

        assertThat(withOutboxFailing(email, () -> accounts.forgot(email)).status()).isEqualTo(503);
        assertThat(accounts.forgot(email).status()).isEqualTo(202);

        String token = AccountsMailbox.token(mailbox.awaitLatestEmail(email, 2));
        assertThat(accounts.reset(token, NEW_PASSWORD).status()).isEqualTo(204);
        assertThat(accounts.login(email, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theEarlierResetLinkStillWorksAfterAForgotPasswordWhoseEmailCouldNotBeQueued() {
        String email = accounts.activatedAccount("failed-forgot-earlier");
        assertThat(accounts.forgot(email).status()).isEqualTo(202);
        String earlier = earlierLinkThenAFailedSend(email, 2, "RESET_SEND", () -> accounts.forgot(email));

        assertThat(accounts.reset(earlier, NEW_PASSWORD).status()).isEqualTo(204);
        assertThat(accounts.login(email, NEW_PASSWORD).status()).isEqualTo(200);
    }
}
