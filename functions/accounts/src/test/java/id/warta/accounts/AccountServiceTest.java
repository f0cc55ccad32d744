package id.warta.accounts;

import id.warta.sessions.SignedIn;

import id.warta.membership.Account;
import id.warta.membership.AccountService;
import id.warta.membership.TokenPurpose;
import id.warta.membership.AccountInput;

import id.warta.hashing.Sha256;
import id.warta.errors.DomainException;
import id.warta.errors.RateLimited;
import id.warta.errors.ValidationFailed;
import id.warta.http.DomainErrors;
import id.warta.http.ErrorCode;
import id.warta.mail.MailKind;
import id.warta.mail.MailLanguage;
import id.warta.mail.OutboxMessage;
import id.warta.mail.SuppressionList;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static id.warta.accounts.ApiErrors.retryAfter;
import static id.warta.accounts.ApiErrors.assertCode;
import static id.warta.accounts.AccountsFixture.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account rules with an injected clock and in-memory stores. */
class AccountServiceTest {
    private static final String EMAIL = "sari@example.id";
    private static final String PASSWORD = "kopi-tubruk-2026";

    private final AccountsFixture f = new AccountsFixture();

    private String register() {
        f.service.register(" Sari@Example.ID ", PASSWORD, "Sari", MailLanguage.ID, CLIENT);
        return f.lastMail(MailKind.ACTIVATION).token();
    }

    @Test
    void registrationStoresANormalisedUnactivatedAccountAndQueuesTheActivationLink() {
        String token = register();

        Account account = f.store.findByEmail(EMAIL).orElseThrow();
        assertThat(account.activated()).isFalse();
        assertThat(account.passwordHash()).startsWith("$argon2id$").doesNotContain(PASSWORD);
        assertThat(account.pendingTokens().get(TokenPurpose.ACTIVATION).getFirst().hash()).isEqualTo(Sha256.hex(token));
        OutboxMessage mail = f.lastMail(MailKind.ACTIVATION);
        assertThat(mail.recipient()).isEqualTo(EMAIL);
        assertThat(mail.name()).isEqualTo("Sari");
        assertThat(token).matches("[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void theActivationLinkActivatesOnceAndOnlyOnce() {
        String token = register();

        f.service.activate(token);

        assertThat(f.store.findByEmail(EMAIL).orElseThrow().activated()).isTrue();
        assertCode(() -> f.service.activate(token), ErrorCode.TOKEN_INVALID);
    }

    @Test
    void theActivationLinkExpiresAfter24Hours() {
        String token = register();
        f.clock.advance(Duration.ofHours(24));

        assertCode(() -> f.service.activate(token), ErrorCode.TOKEN_INVALID);
    }

    @Test
    void theActivationLinkStillWorksJustBefore24Hours() {
        String token = register();
        f.clock.advance(Duration.ofHours(24).minusSeconds(1));

        f.service.activate(token);

        assertThat(f.store.findByEmail(EMAIL).orElseThrow().activated()).isTrue();
    }

    @Test
    void aNewerActivationLinkInvalidatesTheOlderOne() {
        String older = register();
        f.clock.advance(Duration.ofMinutes(2));
        f.service.resendActivation(EMAIL, MailLanguage.EN, CLIENT);
        OutboxMessage newer = f.lastMail(MailKind.ACTIVATION);

        assertThat(newer.language()).isEqualTo(MailLanguage.EN);
        assertCode(() -> f.service.activate(older), ErrorCode.TOKEN_INVALID);
        f.service.activate(newer.token());
    }

    @Test
    void tamperedOrForeignTokensAreInvalid() {
        String token = register();

        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertCode(() -> f.service.activate(tampered), ErrorCode.TOKEN_INVALID);
        assertCode(() -> f.service.activate("garbage"), ErrorCode.TOKEN_INVALID);
        assertCode(() -> f.service.activate("00000000-0000-4000-8000-000000000000." + token.substring(37)),
                ErrorCode.TOKEN_INVALID);
    }

    @Test
    void registeringAnActivatedAddressAgainOnlyTellsItsOwner() {
        f.service.activate(register());
        String hashBefore = f.store.findByEmail(EMAIL).orElseThrow().passwordHash();
        f.clock.advance(Duration.ofMinutes(2));

        f.service.register(EMAIL, "another-password", "Mallory", MailLanguage.ID, CLIENT);

        OutboxMessage mail = f.outbox.getLast();
        assertThat(mail.kind()).isEqualTo(MailKind.ALREADY_REGISTERED);
        assertThat(mail.token()).isNull();
        assertThat(mail.name()).isEqualTo("Sari");
        assertThat(f.store.findByEmail(EMAIL).orElseThrow().passwordHash()).isEqualTo(hashBefore);
    }

    @Test
    void registeringAnUnactivatedAddressAgainSendsAFreshLinkThatReplacesTheFirst() {
        String first = register();
        f.clock.advance(Duration.ofMinutes(2));

        f.service.register(EMAIL, PASSWORD, "Sari", MailLanguage.ID, CLIENT);

        String second = f.lastMail(MailKind.ACTIVATION).token();
        assertThat(second).isNotEqualTo(first);
        assertCode(() -> f.service.activate(first), ErrorCode.TOKEN_INVALID);
        f.service.activate(second);
    }

    @Test
    void aRegistrationWhoseEmailCouldNotBeQueuedSendsAWorkingLinkWhenRetriedAtOnce() {
        f.failingOutboxWrites = 1;
        assertThatThrownBy(() -> f.service.register(EMAIL, PASSWORD, "Sari", MailLanguage.ID, CLIENT))
                .isInstanceOf(IllegalStateException.class);
        assertThat(f.outbox).isEmpty();

        f.service.register(EMAIL, PASSWORD, "Sari", MailLanguage.ID, CLIENT);

        f.service.activate(f.lastMail(MailKind.ACTIVATION).token());
        assertThat(f.store.findByEmail(EMAIL).orElseThrow().activated()).isTrue();
    }

    /** A registration's link; then, two minutes later, a resend whose email cannot be queued. */
    private String earlierLinkThenAFailedResend() {
        String earlier = register();
        f.clock.advance(Duration.ofMinutes(2));
        f.failingOutboxWrites = 1;
        assertThatThrownBy(() -> f.service.resendActivation(EMAIL, MailLanguage.ID, CLIENT)).isInstanceOf(IllegalStateException.class);
        return earlier;
    }

    @Test
    void aResendWhoseEmailCouldNotBeQueuedLeavesTheEarlierLinkWorkingAndIsNotCharged() {
        String earlier = earlierLinkThenAFailedResend();

        f.service.resendActivation(EMAIL, MailLanguage.ID, CLIENT);

        assertThat(f.outbox).filteredOn(m -> m.kind() == MailKind.ACTIVATION).hasSize(2);
        assertCode(() -> f.service.activate(earlier), ErrorCode.TOKEN_INVALID);
        f.service.activate(f.lastMail(MailKind.ACTIVATION).token());
    }

    @Test
    void theEarlierLinkWorksUntilTheNewOnesEmailIsQueued() {
        String earlier = earlierLinkThenAFailedResend();

        f.service.activate(earlier);
        assertThat(f.store.findByEmail(EMAIL).orElseThrow().activated()).isTrue();
    }

    @Test
    void aForgotPasswordWhoseEmailCouldNotBeQueuedLeavesTheEarlierResetLinkWorkingAndSendsOnARetryAtOnce() {
        register();
        f.service.forgotPassword(EMAIL, MailLanguage.ID, CLIENT);
        String earlier = f.lastMail(MailKind.PASSWORD_RESET).token();
        f.clock.advance(Duration.ofMinutes(2));
        f.failingOutboxWrites = 1;

        assertThatThrownBy(() -> f.service.forgotPassword(EMAIL, MailLanguage.ID, CLIENT)).isInstanceOf(IllegalStateException.class);
        assertThat(f.lastMail(MailKind.PASSWORD_RESET).token()).isEqualTo(earlier);
        f.service.forgotPassword(EMAIL, MailLanguage.ID, CLIENT);

        String newer = f.lastMail(MailKind.PASSWORD_RESET).token();
        assertThat(newer).isNotEqualTo(earlier);
        assertCode(() -> f.service.resetPassword(earlier, "es-teh-manis-2026"), ErrorCode.TOKEN_INVALID);
        f.service.resetPassword(newer, "es-teh-manis-2026");
    }

    @Test
    void usingEitherOfTwoValidLinksUsesUpBoth() {
        String earlier = earlierLinkThenAFailedResend();
        Account account = f.store.findByEmail(EMAIL).orElseThrow();
        assertThat(account.pendingTokens().get(TokenPurpose.ACTIVATION)).hasSize(2);

        f.service.activate(earlier);

        assertThat(f.store.findByEmail(EMAIL).orElseThrow().pendingTokens()).doesNotContainKey(TokenPurpose.ACTIVATION);
    }

    @Test
    void activationSendsAreLimitedToOnePerMinuteAndFivePerHourIncludingRegistration() {
        register();

        assertThat(retryAfter(() -> f.service.resendActivation(EMAIL, MailLanguage.ID, CLIENT))).isEqualTo(60);
        f.clock.advance(Duration.ofSeconds(45));
        assertThat(retryAfter(() -> f.service.resendActivation(EMAIL, MailLanguage.ID, CLIENT))).isEqualTo(15);
        for (int i = 0; i < 4; i++) {
            f.clock.advance(Duration.ofSeconds(61));
            f.service.resendActivation(EMAIL, MailLanguage.ID, CLIENT);
        }
        f.clock.advance(Duration.ofSeconds(61));
        long wait = retryAfter(() -> f.service.resendActivation(EMAIL, MailLanguage.ID, CLIENT));
        // Five sends so far, the first at the start: the hour frees up one hour after it.
        assertThat(wait).isEqualTo(3600 - (45 + 5 * 61));
        assertThat(f.outbox).filteredOn(m -> m.kind() == MailKind.ACTIVATION).hasSize(5);

        f.clock.advance(Duration.ofSeconds(wait));
        f.service.resendActivation(EMAIL, MailLanguage.ID, CLIENT);
        assertThat(f.outbox).filteredOn(m -> m.kind() == MailKind.ACTIVATION).hasSize(6);
    }

    @Test
    void anAddressThatWasNeverRegisteredIsNeverRateLimitedAndGetsNoMail() {
        for (int i = 0; i < 10; i++) {
            f.service.resendActivation("nobody@example.id", MailLanguage.ID, CLIENT);
        }
        assertThat(f.outbox).isEmpty();
    }

    @Test
    void aRepeatedRegistrationWithinTheMinuteIsAnsweredButSendsNothing() {
        register();

        f.service.register(EMAIL, PASSWORD, "Sari", MailLanguage.ID, CLIENT);

        assertThat(f.outbox).hasSize(1);
    }

    @Test
    void loginIssuesAnAccessTokenForTheRightPasswordOnly() {
        register();

        SignedIn session = f.service.login("SARI@example.id", PASSWORD, CLIENT, false);

        assertThat(session.expiresInSeconds()).isEqualTo(900);
        assertThat(f.accessTokens.verify(session.accessToken()).accountId())
                .isEqualTo(f.store.findByEmail(EMAIL).orElseThrow().id());
        assertCode(() -> f.service.login(EMAIL, "wrong-password", CLIENT, false), ErrorCode.UNAUTHORIZED);
        assertCode(() -> f.service.login("nobody@example.id", PASSWORD, CLIENT, false), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void fiveFailedLoginsLockTheAddressForFifteenMinutesEvenForTheRightPassword() {
        register();
        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofSeconds(10));
            assertCode(() -> f.service.login(EMAIL, "wrong-password", CLIENT, false), ErrorCode.UNAUTHORIZED);
        }

        long wait = retryAfter(() -> f.service.login(EMAIL, PASSWORD, CLIENT, false));
        assertThat(wait).isEqualTo(15 * 60 - 40);

        f.clock.advance(Duration.ofSeconds(wait));
        assertThat(f.service.login(EMAIL, PASSWORD, CLIENT, false).accessToken()).isNotBlank();
    }

    @Test
    void aLoginForAnUnknownAddressSpendsExactlyTheArgon2WorkOfAWrongPassword() {
        // Equal work, counted rather than timed: one derivation at the stored cost either way, so an
        // unknown address cannot be told from a wrong password by how long the answer takes.
        AtomicInteger derivations = new AtomicInteger();
        AccountsFixture counted = new AccountsFixture(new PasswordHasher(AccountsFixture.CHEAP, new SecureRandom()) {
            @Override
            protected byte[] derive(String password, byte[] salt, Cost cost, int length) {
                derivations.incrementAndGet();
                return super.derive(password, salt, cost, length);
            }
        });
        counted.service.register(EMAIL, PASSWORD, "Sari", MailLanguage.ID, CLIENT);

        derivations.set(0);
        assertCode(() -> counted.service.login(EMAIL, "wrong-password", CLIENT, false), ErrorCode.UNAUTHORIZED);
        int forWrongPassword = derivations.getAndSet(0);
        assertCode(() -> counted.service.login("nobody@example.id", "wrong-password", CLIENT, false), ErrorCode.UNAUTHORIZED);
        int forUnknownAddress = derivations.get();

        assertThat(forWrongPassword).isEqualTo(1);
        assertThat(forUnknownAddress).isEqualTo(forWrongPassword);
    }

    @Test
    void failedLoginsForAnUnknownAddressAreLimitedLikeAnyOther() {
        for (int i = 0; i < 5; i++) {
            assertCode(() -> f.service.login("nobody@example.id", PASSWORD, CLIENT, false), ErrorCode.UNAUTHORIZED);
        }
        assertCode(() -> f.service.login("nobody@example.id", PASSWORD, CLIENT, false), ErrorCode.RATE_LIMITED);
    }

    @Test
    void aSignInWithAnAddressOrPasswordLongerThanAnyAccountCanHaveIsAValidationErrorThatLocksNothing() {
        register();
        String longAddress = "a".repeat(2_090) + "@example.id";

        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> f.service.login(longAddress, "x".repeat(AccountInput.PASSWORD_MAX + 1), CLIENT, false))
                    .isInstanceOfSatisfying(ValidationFailed.class,
                            e -> assertThat(e.fields()).containsOnlyKeys("email", "password"));
            assertCode(() -> f.service.login(EMAIL, "x".repeat(AccountInput.PASSWORD_MAX + 1), CLIENT, false), ErrorCode.VALIDATION_FAILED);
        }

        assertThat(f.service.login(EMAIL, PASSWORD, CLIENT, false).accessToken()).as("nothing was counted as a failed login").isNotBlank();
        String longestPossible = "s".repeat(AccountInput.EMAIL_MAX - "@example.id".length()) + "@example.id";
        assertCode(() -> f.service.login(longestPossible, PASSWORD, CLIENT, false), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void anAccountIdThatIsNoUuidNamesNoAccount() {
        assertCode(() -> f.service.setSubscription("a".repeat(3_000), true, null), ErrorCode.NOT_FOUND);
        assertCode(() -> f.service.setSubscription("ACCOUNT#x", false, null), ErrorCode.NOT_FOUND);
    }

    @Test
    void aPasswordResetEndsEverySessionOfTheAccount() {
        register();
        SignedIn remembered = f.service.login(EMAIL, PASSWORD, CLIENT, true);
        SignedIn other = f.service.login(EMAIL, PASSWORD, CLIENT, false);
        f.service.forgotPassword(EMAIL, MailLanguage.ID, CLIENT);

        f.service.resetPassword(f.lastMail(MailKind.PASSWORD_RESET).token(), "es-teh-manis-2026");

        assertCode(() -> f.sessions.refresh(remembered.credential().value()), ErrorCode.UNAUTHORIZED);
        assertCode(() -> f.sessions.refresh(other.credential().value()), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void signingOutEverywhereEndsEverySessionAndOnlyTheSessionsStartedBefore() {
        register();
        SignedIn first = f.service.login(EMAIL, PASSWORD, CLIENT, true);
        SignedIn second = f.service.login(EMAIL, PASSWORD, CLIENT, false);
        long version = f.accessTokens.verify(second.accessToken()).credentialVersion();

        f.service.signOutEverywhere(f.accessTokens.verify(second.accessToken()).accountId(), version);
        // A retry of the same request finds the version raised already and raises it no further.
        f.service.signOutEverywhere(f.accessTokens.verify(second.accessToken()).accountId(), version);
        SignedIn after = f.service.login(EMAIL, PASSWORD, CLIENT, false);

        assertCode(() -> f.sessions.refresh(first.credential().value()), ErrorCode.UNAUTHORIZED);
        assertCode(() -> f.sessions.refresh(second.credential().value()), ErrorCode.UNAUTHORIZED);
        assertThat(f.accessTokens.verify(after.accessToken()).credentialVersion()).isEqualTo(version + 1);
        assertThat(f.sessions.refresh(after.credential().value()).accessToken()).isNotBlank();
    }

    @Test
    void passwordResetReplacesThePasswordAndRevokesOlderAccessTokens() {
        register();
        long versionBefore = f.store.findByEmail(EMAIL).orElseThrow().credentialVersion();
        f.service.forgotPassword(EMAIL, MailLanguage.ID, CLIENT);
        String token = f.lastMail(MailKind.PASSWORD_RESET).token();

        f.service.resetPassword(token, "es-teh-manis-2026");

        assertThat(f.store.findByEmail(EMAIL).orElseThrow().credentialVersion()).isEqualTo(versionBefore + 1);
        assertCode(() -> f.service.login(EMAIL, PASSWORD, CLIENT, false), ErrorCode.UNAUTHORIZED);
        assertThat(f.service.login(EMAIL, "es-teh-manis-2026", CLIENT, false).accessToken()).isNotBlank();
        assertCode(() -> f.service.resetPassword(token, "another-password-1"), ErrorCode.TOKEN_INVALID);
    }

    @Test
    void theResetLinkExpiresAfterOneHour() {
        register();
        f.service.forgotPassword(EMAIL, MailLanguage.ID, CLIENT);
        String token = f.lastMail(MailKind.PASSWORD_RESET).token();
        f.clock.advance(Duration.ofHours(1));

        assertCode(() -> f.service.resetPassword(token, "es-teh-manis-2026"), ErrorCode.TOKEN_INVALID);
    }

    @Test
    void anActivationLinkIsNoResetLinkAndViceVersa() {
        String activation = register();
        f.service.forgotPassword(EMAIL, MailLanguage.ID, CLIENT);
        String reset = f.lastMail(MailKind.PASSWORD_RESET).token();

        assertCode(() -> f.service.resetPassword(activation, "es-teh-manis-2026"), ErrorCode.TOKEN_INVALID);
        assertCode(() -> f.service.activate(reset), ErrorCode.TOKEN_INVALID);
    }

    @Test
    void forgotForAnUnknownAddressSendsNothing() {
        f.service.forgotPassword("nobody@example.id", MailLanguage.ID, CLIENT);

        assertThat(f.outbox).isEmpty();
    }

    @Test
    void aResetWithABadPasswordIsAValidationError() {
        assertCode(() -> f.service.resetPassword("whatever", "short"), ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void registrationRejectsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> f.service.register("no-at-sign", "short", " ", MailLanguage.ID, CLIENT))
                .isInstanceOfSatisfying(ValidationFailed.class,
                        e -> assertThat(e.fields()).containsOnlyKeys("email", "password", "name"));
        assertThat(f.outbox).isEmpty();
    }

    @Test
    void subscriptionsCanBeOpenEndedDatedOrCleared() {
        register();
        String id = f.store.findByEmail(EMAIL).orElseThrow().id();

        AccountService.Subscription open = f.service.setSubscription(id, true, null);
        assertThat(open.subscriber()).isTrue();
        assertThat(open.subscriberUntil()).isNull();
        assertThat(f.service.profile(id).subscriber()).isTrue();

        AccountService.Subscription dated = f.service.setSubscription(id, true, AccountsFixture.START.plus(Duration.ofDays(30)));
        assertThat(dated.subscriberUntil()).isEqualTo("2026-12-26T10:15:00+07:00");

        AccountService.Subscription cleared = f.service.setSubscription(id, false, null);
        assertThat(cleared.subscriber()).isFalse();
        assertThat(f.service.profile(id).subscriber()).isFalse();

        assertCode(() -> f.service.setSubscription(id, true, AccountsFixture.START.minusSeconds(1)), ErrorCode.VALIDATION_FAILED);
        assertCode(() -> f.service.setSubscription("no-such-account", true, null), ErrorCode.NOT_FOUND);
    }

    @Test
    void theProfileShowsTheMeterOfTheCurrentJakartaMonth() {
        register();
        String id = f.store.findByEmail(EMAIL).orElseThrow().id();

        AccountService.Profile profile = f.service.profile(id);

        assertThat(profile.email()).isEqualTo(EMAIL);
        assertThat(profile.meter().used()).isEqualTo(1);
        assertThat(profile.meter().remaining()).isEqualTo(1);
        assertThat(profile.meter().periodEnd()).isEqualTo("2026-12-01T00:00:00+07:00");
        assertThat(profile.unlocked()).containsExactly("kopi-gayo");
    }

    @Test
    void theProfileSaysWhetherEmailStillReachesTheAddress() {
        register();
        String id = f.store.findByEmail(EMAIL).orElseThrow().id();
        assertThat(f.service.profile(id).emailDeliverable()).isTrue();

        f.suppressions.suppress(new SuppressionList.Suppression(EMAIL.toUpperCase(Locale.ROOT),
                SuppressionList.Reason.HARD_BOUNCE, "feedback-1", Instant.parse("2026-11-20T03:00:00Z")));

        assertThat(f.service.profile(id).emailDeliverable()).isFalse();
    }
}
