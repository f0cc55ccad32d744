package id.warta.accounts;

import id.warta.sessions.SignedIn;

import id.warta.membership.Account;
import id.warta.membership.AccountService;
import id.warta.membership.TokenPurpose;

import id.warta.errors.SignInRequired;
import id.warta.http.ErrorCode;
import id.warta.mail.MailKind;
import id.warta.reader.Reader;
import id.warta.reader.ReaderAccount;
import id.warta.mail.MailLanguage;
import id.warta.mail.OutboxMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static id.warta.accounts.ApiErrors.assertCode;
import static id.warta.accounts.AccountsFixture.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17, row 2: whoever registers an unactivated address first never proved owning it, so the
 * link that gets used decides the account's password and name, and activation ends every access
 * token issued before it.
 */
class PreAccountHijackTest {
    private static final String EMAIL = "sari@example.id";
    private static final String ATTACKER_PASSWORD = "mallory-was-here-1";
    private static final String OWNER_PASSWORD = "kopi-tubruk-2026";

    private final AccountsFixture f = new AccountsFixture();

    private Account account() {
        return f.store.findByEmail(EMAIL).orElseThrow();
    }

    /** Whether a handler would still take this access token (the check every route makes). */
    private boolean accepted(SignedIn session) {
        Account account = account();
        try {
            Reader.of(Optional.of(f.accessTokens.verify(session.accessToken())), Optional.empty(),
                    Optional.of(new ReaderAccount(account.id(), account.activated(), account.subscriberUntil(),
                            account.credentialVersion())));
            return true;
        } catch (SignInRequired e) {
            return false;
        }
    }

    /** The owner's name, her password signs in, the attacker's does not. */
    private void assertTheAccountIsTheOwners() {
        assertThat(account().name()).isEqualTo("Sari");
        assertThat(f.service.login(EMAIL, OWNER_PASSWORD, CLIENT, false).accessToken()).isNotBlank();
        assertCode(() -> f.service.login(EMAIL, ATTACKER_PASSWORD, CLIENT, false), ErrorCode.UNAUTHORIZED);
    }

    /** The attacker registers the owner's address and signs in; a minute later the owner registers it. */
    private SignedIn attackerFirstThenOwner() {
        f.service.register(EMAIL, ATTACKER_PASSWORD, "Mallory", MailLanguage.ID, CLIENT);
        SignedIn attacker = f.service.login(EMAIL, ATTACKER_PASSWORD, CLIENT, false);
        f.clock.advance(Duration.ofMinutes(1));
        f.service.register(EMAIL, OWNER_PASSWORD, "Sari", MailLanguage.ID, CLIENT);
        return attacker;
    }

    @Test
    void activatingTheOwnersLinkGivesTheOwnersPasswordAndNameAndEndsTheAttackersToken() {
        SignedIn attacker = attackerFirstThenOwner();
        assertThat(accepted(attacker)).isTrue();
        OutboxMessage ownersMail = f.lastMail(MailKind.ACTIVATION);
        assertThat(ownersMail.name()).isEqualTo("Sari");

        f.service.activate(ownersMail.token());

        assertThat(account().activated()).isTrue();
        assertTheAccountIsTheOwners();
        assertThat(accepted(attacker)).isFalse();
    }

    @Test
    void aResentLinkActivatesTheRegistrationItContinues() {
        attackerFirstThenOwner();
        f.clock.advance(Duration.ofMinutes(2));

        f.service.resendActivation(EMAIL, MailLanguage.ID, CLIENT);

        OutboxMessage resent = f.lastMail(MailKind.ACTIVATION);
        assertThat(resent.name()).isEqualTo("Sari");
        f.service.activate(resent.token());
        assertTheAccountIsTheOwners();
    }

    @Test
    void eachOfTwoValidLinksActivatesTheRegistrationItWasSentFor() {
        f.service.register(EMAIL, OWNER_PASSWORD, "Sari", MailLanguage.ID, CLIENT);
        String ownersLink = f.lastMail(MailKind.ACTIVATION).token();
        f.clock.advance(Duration.ofMinutes(2));
        // A later registration whose email could not be queued: its link is stored, not yet current.
        f.failingOutboxWrites = 1;
        assertThatThrownBy(() -> f.service.register(EMAIL, ATTACKER_PASSWORD, "Mallory", MailLanguage.ID, CLIENT))
                .isInstanceOf(IllegalStateException.class);
        assertThat(account().pendingTokens().get(TokenPurpose.ACTIVATION)).hasSize(2);

        f.service.activate(ownersLink);

        assertTheAccountIsTheOwners();
    }

    @Test
    void activationEndsEveryAccessTokenIssuedBeforeItAndThePasswordStillSignsIn() {
        f.service.register(EMAIL, OWNER_PASSWORD, "Sari", MailLanguage.ID, CLIENT);
        SignedIn beforeActivation = f.service.login(EMAIL, OWNER_PASSWORD, CLIENT, false);
        long versionBefore = account().credentialVersion();

        f.service.activate(f.lastMail(MailKind.ACTIVATION).token());

        assertThat(account().credentialVersion()).isEqualTo(versionBefore + 1);
        assertThat(accepted(beforeActivation)).isFalse();
        assertThat(accepted(f.service.login(EMAIL, OWNER_PASSWORD, CLIENT, false))).isTrue();
    }
}
