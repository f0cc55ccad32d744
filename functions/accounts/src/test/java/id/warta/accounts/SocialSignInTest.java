package id.warta.accounts;

import id.warta.membership.Account;

import id.warta.hashing.Sha256;
import id.warta.errors.DependencyUnavailable;
import id.warta.errors.DomainException;
import id.warta.http.DomainErrors;
import id.warta.http.ErrorCode;
import id.warta.mail.MailKind;
import id.warta.mail.MailLanguage;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static id.warta.accounts.AccountsFixture.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which account an ID token signs in to, on the domain with in-memory fakes. */
class SocialSignInTest {
    private static final String EMAIL = "sari.dewi@example.id";
    private static final String PASSWORD = "kopi-tubruk-2026";
    private static final String NONCE = "nonce-123";

    private final AccountsFixture f = new AccountsFixture();

    private SocialSignIn.Result signIn(String idToken) {
        return f.socialSignIn.signIn("google", idToken, NONCE, false, null);
    }

    private String token(String email) {
        return f.idToken(email, NONCE);
    }

    private String accountOf(SocialSignIn.Result result) {
        return f.accessTokens.verify(result.signedIn().accessToken()).accountId();
    }

    private String registeredAndActivated() {
        f.service.register(EMAIL, PASSWORD, "Sari Dewi", MailLanguage.ID, CLIENT);
        f.service.activate(f.lastMail(MailKind.ACTIVATION).token());
        return f.store.findByEmail(EMAIL).orElseThrow().id();
    }

    private static void assertRefused(ErrorCode code, Supplier<?> call) {
        assertThatThrownBy(call::get).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(DomainErrors.toApi(e).code()).isEqualTo(code));
    }

    @Test
    void aVerifiedNewAddressCreatesAnActivatedAccountWithoutAPassword() {
        SocialSignIn.Result result = signIn(f.issuer.sign(f.issuer.claims(EMAIL, NONCE, f.clock.instant())
                .claim("name", "Sari Dewi").build()));

        Account account = f.store.find(accountOf(result)).orElseThrow();
        assertThat(result.created()).isTrue();
        assertThat(account.activated()).isTrue();
        assertThat(account.email()).isEqualTo(EMAIL);
        assertThat(account.name()).isEqualTo("Sari Dewi");
        assertThat(account.passwordHash()).isNull();
        assertThat(f.outbox).as("no activation email for a vouched-for address").isEmpty();
        assertRefused(ErrorCode.UNAUTHORIZED, () -> f.service.login(EMAIL, PASSWORD, CLIENT, false));
    }

    @Test
    void aNewAccountIsNamedByTheTokenThenByTheNameSentBesideItThenByTheAddress() {
        String named = f.issuer.sign(f.issuer.claims("named@example.id", NONCE, f.clock.instant())
                .claim("name", "Nama Token").build());
        assertThat(nameOf(f.socialSignIn.signIn("google", named, NONCE, false, "Nama Samping"))).isEqualTo("Nama Token");

        // Apple: no name in the token, the reader's name beside it at the first sign-in only.
        assertThat(nameOf(f.socialSignIn.signIn("google", token("apel@example.id"), NONCE, false, " Siti Aminah ")))
                .isEqualTo("Siti Aminah");
        assertThat(nameOf(f.socialSignIn.signIn("google", token("kosong@example.id"), NONCE, false, null)))
                .isEqualTo("kosong");
        assertThat(nameOf(f.socialSignIn.signIn("google", token("kontrol@example.id"), NONCE, false, "Siti\u202eAminah")))
                .as("a name that is no valid name is passed over").isEqualTo("kontrol");
    }

    @Test
    void theNameSentBesideTheTokenNeverRenamesAnExistingAccount() {
        String accountId = registeredAndActivated();

        f.socialSignIn.signIn("google", token(EMAIL), NONCE, false, "Nama Lain");

        assertThat(f.store.find(accountId).orElseThrow().name()).isEqualTo("Sari Dewi");
    }

    private String nameOf(SocialSignIn.Result result) {
        return f.store.find(accountOf(result)).orElseThrow().name();
    }

    @Test
    void anIdTokenSignsInOnceAndItsReplayIsRefusedWhileItWouldStillVerify() {
        String idToken = token(EMAIL);
        String accountId = accountOf(signIn(idToken));

        assertRefused(ErrorCode.UNAUTHORIZED, () -> signIn(idToken));
        assertThat(f.usedIdTokens).containsExactly(Sha256.hex(idToken)).doesNotContain(idToken);
        assertThat(accountOf(signIn(token(EMAIL)))).as("a fresh token from the provider").isEqualTo(accountId);
    }

    @Test
    void aTokenThatFailsVerificationIsNotRemembered() {
        assertRefused(ErrorCode.UNAUTHORIZED, () -> f.socialSignIn.signIn("google", token(EMAIL), "another-nonce", false, null));

        assertThat(f.usedIdTokens).isEmpty();
    }

    @Test
    void withoutANameTheAccountIsNamedAfterTheAddress() {
        SocialSignIn.Result result = signIn(token(EMAIL));

        assertThat(f.store.find(accountOf(result)).orElseThrow().name()).isEqualTo("sari.dewi");
    }

    @Test
    void aVerifiedKnownAddressSignsInToThatAccountAndLinksTheIdentity() {
        String accountId = registeredAndActivated();

        SocialSignIn.Result result = signIn(token(EMAIL.toUpperCase()));

        assertThat(result.created()).isFalse();
        assertThat(accountOf(result)).isEqualTo(accountId);
        assertThat(f.store.findByIdentity("google", "sub-" + EMAIL.toUpperCase())).map(Account::id).contains(accountId);
        assertThat(f.service.login(EMAIL, PASSWORD, CLIENT, false).accessToken()).as("the password still works").isNotBlank();
    }

    @Test
    void theLinkedIdentityFindsTheAccountAfterTheAddressChangesAtTheProvider() {
        String accountId = accountOf(signIn(token(EMAIL)));

        SocialSignIn.Result later = signIn(f.issuer.sign(f.issuer.claims(EMAIL, NONCE, f.clock.instant())
                .claim("email", "sari.baru@example.id").claim("email_verified", false).build()));

        assertThat(later.created()).isFalse();
        assertThat(accountOf(later)).isEqualTo(accountId);
        assertThat(f.store.findByEmail("sari.baru@example.id")).isEmpty();
    }

    @Test
    void anUnverifiedAddressNeverReachesAnExistingAccount() {
        registeredAndActivated();

        assertRefused(ErrorCode.UNAUTHORIZED, () -> signIn(f.issuer.sign(f.issuer.claims(EMAIL, NONCE, f.clock.instant())
                .claim("email_verified", "false").build())));
        assertThat(f.store.findByIdentity("google", "sub-" + EMAIL)).isEmpty();
    }

    @Test
    void anUnverifiedOrMissingAddressCreatesNoAccount() {
        assertRefused(ErrorCode.UNAUTHORIZED, () -> signIn(f.issuer.sign(f.issuer.claims(EMAIL, NONCE, f.clock.instant())
                .claim("email_verified", null).build())));
        assertRefused(ErrorCode.UNAUTHORIZED, () -> signIn(f.issuer.sign(f.issuer.claims(EMAIL, NONCE, f.clock.instant())
                .claim("email", null).build())));
        assertRefused(ErrorCode.UNAUTHORIZED, () -> signIn(token("not an address")));
        assertThat(f.store.findByEmail(EMAIL)).isEmpty();
    }

    @Test
    void anUnactivatedRegistrationIsTakenOverByTheVerifiedOwner() {
        // Someone registered the address without owning it and signed in with their password.
        f.service.register(EMAIL, PASSWORD, "Penyerobot", MailLanguage.ID, CLIENT);
        String squatterToken = f.service.login(EMAIL, PASSWORD, CLIENT, false).accessToken();

        SocialSignIn.Result owner = signIn(token(EMAIL));

        Account account = f.store.find(accountOf(owner)).orElseThrow();
        assertThat(account.activated()).isTrue();
        assertThat(account.passwordHash()).isNull();
        assertRefused(ErrorCode.UNAUTHORIZED, () -> f.service.login(EMAIL, PASSWORD, CLIENT, false));
        assertThat(f.accessTokens.verify(squatterToken).credentialVersion()).isLessThan(account.credentialVersion());
        assertRefused(ErrorCode.TOKEN_INVALID, () -> {
            f.service.activate(f.lastMail(MailKind.ACTIVATION).token());
            return null;
        });
    }

    @Test
    void aFailedCheckIsUnauthorizedAndAnUnknownProviderNotFound() {
        assertRefused(ErrorCode.UNAUTHORIZED, () -> f.socialSignIn.signIn("google", token(EMAIL), "another-nonce", false, null));
        assertRefused(ErrorCode.NOT_FOUND, () -> f.socialSignIn.signIn("myspace", token(EMAIL), NONCE, false, null));
    }

    @Test
    void unreachableProviderKeysAreAServiceProblem() {
        f.issuer.reachable(false);

        assertThatThrownBy(() -> signIn(token(EMAIL))).isInstanceOfSatisfying(DependencyUnavailable.class,
                e -> assertThat(DomainErrors.toApi(e).status()).isEqualTo(503));
    }
}
