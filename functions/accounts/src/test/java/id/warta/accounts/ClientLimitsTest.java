package id.warta.accounts;

import id.warta.membership.SignInLimits;
import id.warta.membership.ClientCeilings;
import id.warta.membership.MailRequest;
import id.warta.membership.ClientNetwork;

import id.warta.errors.ValidationFailed;
import id.warta.http.ErrorCode;
import id.warta.mail.MailLanguage;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static id.warta.accounts.ApiErrors.retryAfter;
import static id.warta.accounts.ApiErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17, row 6: the lockout is per address and client network, so nobody can lock a reader out
 * from elsewhere; a ceiling per address stops guessing spread over many networks, a ceiling per
 * network stops one password tried on many addresses, and registrations, resends and reset requests
 * are limited per network beside their per-address send limits.
 */
class ClientLimitsTest {
    private static final String EMAIL = "sari@example.id";
    private static final String PASSWORD = "kopi-tubruk-2026";
    private static final String WRONG = "wrong-password";
    private static final ClientNetwork ATTACKER = ClientNetwork.of("198.51.100.66");
    private static final ClientNetwork OWNER = ClientNetwork.of("203.0.113.7");
    /** The template's defaults. */
    private static final ClientCeilings TEMPLATE = new ClientCeilings(20, 60);

    private AccountsFixture f = new AccountsFixture(TEMPLATE);

    private void registered(String email) {
        f.service.register(email, PASSWORD, "Sari", MailLanguage.ID, OWNER);
    }

    private boolean signsIn(String email, String password, ClientNetwork client) {
        return !f.service.login(email, password, client, false).accessToken().isBlank();
    }

    @Test
    void fiveFailuresFromOneNetworkLockOnlyThatNetworkOutOfTheAddress() {
        registered(EMAIL);
        for (int i = 0; i < SignInLimits.PER_ADDRESS_AND_CLIENT; i++) {
            f.clock.advance(Duration.ofSeconds(10));
            assertCode(() -> f.service.login(EMAIL, WRONG, ATTACKER, false), ErrorCode.UNAUTHORIZED);
        }

        assertThat(retryAfter(() -> f.service.login(EMAIL, PASSWORD, ATTACKER, false))).isEqualTo(15 * 60 - 40);
        assertThat(signsIn(EMAIL, PASSWORD, OWNER)).isTrue();
    }

    @Test
    void fiftyFailuresForOneAddressFromAnyNetworksLockItForEveryone() {
        registered(EMAIL);
        for (int i = 0; i < SignInLimits.ADDRESS_CEILING - 1; i++) {
            ClientNetwork guesser = ClientNetwork.of("198.51.100." + i / SignInLimits.PER_ADDRESS_AND_CLIENT);
            assertCode(() -> f.service.login(EMAIL, WRONG, guesser, false), ErrorCode.UNAUTHORIZED);
        }
        assertThat(signsIn(EMAIL, PASSWORD, OWNER)).isTrue();

        assertCode(() -> f.service.login(EMAIL, WRONG, ClientNetwork.of("192.0.2.1"), false), ErrorCode.UNAUTHORIZED);

        assertThat(retryAfter(() -> f.service.login(EMAIL, PASSWORD, OWNER, false))).isEqualTo(15 * 60);
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(signsIn(EMAIL, PASSWORD, OWNER)).isTrue();
    }

    @Test
    void aNetworkThatFailsOnTwentyAddressesIsRefusedEverySignInUntilTheWindowPasses() {
        registered(EMAIL);
        for (int i = 0; i < TEMPLATE.failedSignIns(); i++) {
            String sprayed = "reader" + i + "@example.id";
            // One network: every address of one IPv6 /64 counts as the same client.
            ClientNetwork sprayer = ClientNetwork.of("2001:db8:66:1::" + Integer.toHexString(i + 1));
            assertCode(() -> f.service.login(sprayed, PASSWORD, sprayer, false), ErrorCode.UNAUTHORIZED);
        }
        ClientNetwork sprayer = ClientNetwork.of("2001:db8:66:1::ffff");

        assertThat(retryAfter(() -> f.service.login("reader99@example.id", PASSWORD, sprayer, false))).isEqualTo(15 * 60);
        assertThat(retryAfter(() -> f.service.login(EMAIL, PASSWORD, sprayer, false))).as("even the right password").isEqualTo(15 * 60);
        assertThat(signsIn(EMAIL, PASSWORD, OWNER)).isTrue();
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(signsIn(EMAIL, PASSWORD, sprayer)).isTrue();
    }

    @Test
    void withTheNetworkCeilingSwitchedOffOnlyTheAddressLimitsCount() {
        f = new AccountsFixture(new ClientCeilings(0, 0));
        registered(EMAIL);
        for (int i = 0; i < 2 * TEMPLATE.failedSignIns(); i++) {
            String sprayed = "reader" + i + "@example.id";
            assertCode(() -> f.service.login(sprayed, PASSWORD, ATTACKER, false), ErrorCode.UNAUTHORIZED);
        }

        assertThat(signsIn(EMAIL, PASSWORD, ATTACKER)).isTrue();
    }

    @Test
    void registrationsResendsAndResetRequestsShareTheNetworksHourlyCeiling() {
        f = new AccountsFixture(new ClientCeilings(0, 6));
        for (int i = 0; i < 2; i++) {
            String email = "reader" + i + "@example.id";
            f.service.register(email, PASSWORD, "Sari", MailLanguage.ID, ATTACKER);
            f.clock.advance(Duration.ofMinutes(2));
            f.service.resendActivation(email, MailLanguage.ID, ATTACKER);
            f.service.forgotPassword(email, MailLanguage.ID, ATTACKER);
        }

        // Six requests, the first four minutes ago: the hour frees up an hour after it. A registration
        // says so; resend and reset requests get the answer the contract fixes, and send nothing.
        assertThat(retryAfter(() -> f.service.register(EMAIL, PASSWORD, "Sari", MailLanguage.ID, ATTACKER)))
                .isEqualTo(60 * 60 - 4 * 60);
        int mails = f.outbox.size();
        f.clock.advance(Duration.ofMinutes(2));
        assertThat(f.service.forgotPassword("reader0@example.id", MailLanguage.ID, ATTACKER))
                .isEqualTo(MailRequest.OVER_CLIENT_CEILING);
        assertThat(f.service.resendActivation("reader1@example.id", MailLanguage.ID, ATTACKER))
                .isEqualTo(MailRequest.OVER_CLIENT_CEILING);
        assertThat(f.outbox).hasSize(mails);
        f.service.register(EMAIL, PASSWORD, "Sari", MailLanguage.ID, OWNER);
        assertThat(f.store.findByEmail(EMAIL)).isPresent();
        f.clock.advance(Duration.ofMinutes(60 - 6));
        assertThat(f.service.forgotPassword("reader0@example.id", MailLanguage.ID, ATTACKER)).isEqualTo(MailRequest.HANDLED);
        assertThat(f.outbox).hasSize(mails + 2);
    }

    @Test
    void aRequestThatFailsValidationIsNotCounted() {
        f = new AccountsFixture(new ClientCeilings(0, 1));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> f.service.forgotPassword("not-an-address", MailLanguage.ID, ATTACKER))
                    .isInstanceOf(ValidationFailed.class);
        }

        f.service.forgotPassword("nobody@example.id", MailLanguage.ID, ATTACKER);
    }
}
