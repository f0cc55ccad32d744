package id.warta.sessions;

import id.warta.errors.SessionEnded;
import id.warta.identity.AccessTokens;
import id.warta.logging.EmbeddedMetricFormat;
import id.warta.logging.EventLog;
import id.warta.membership.Account;
import id.warta.testing.EmfRecord;
import id.warta.testing.InMemoryAccessTokens;
import id.warta.testing.InMemoryAccountStore;
import id.warta.testing.InMemorySessionStore;
import id.warta.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rotation rules: fresh, rotated, reused, expired, ended, and the grace window for concurrent refreshes. */
class SessionsTest {
    private static final Instant START = Instant.parse("2026-12-04T02:00:00Z");
    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    private static final String ACCOUNT = "1b4e28ba-2fa1-4d2b-883f-0016d3cca427";

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemorySessionStore store = new InMemorySessionStore(accounts);
    private final AccessTokens accessTokens = new InMemoryAccessTokens(clock);
    private final CredentialChain chain = new CredentialChain(SECRET);
    private final List<String> metricLines = new ArrayList<>();
    private final EmbeddedMetricFormat metrics = new EmbeddedMetricFormat("Warta", "test",
            new EventLog("accounts", metricLines::add), clock);

    SessionsTest() {
        accounts.save(new Account(ACCOUNT, "sari@example.id", "Sari", null, true, 0, null, START, Map.of()));
    }

    private Sessions sessions(SessionStore on) {
        return new Sessions(on, chain, accessTokens, new SecureRandom(), metrics, clock);
    }

    private final Sessions sessions = sessions(store);

    private static String credential(SignedIn signedIn) {
        return signedIn.credential().value();
    }

    private void assertEnded(String credential) {
        assertThatThrownBy(() -> sessions.refresh(credential)).isInstanceOf(SessionEnded.class);
    }

    @Test
    void aSignInStartsASessionWithAFifteenMinuteAccessTokenAndA256BitCredential() {
        SignedIn signedIn = sessions.start(ACCOUNT, 0, false, SignInMethod.PASSWORD);

        assertThat(signedIn.expiresInSeconds()).isEqualTo(900);
        assertThat(accessTokens.verify(signedIn.accessToken()).accountId()).isEqualTo(ACCOUNT);
        assertThat(credential(signedIn)).matches(ACCOUNT + "\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
        assertThat(signedIn.cookieLifetime()).isEmpty();
        assertThat(sessions.start(ACCOUNT, 0, true, SignInMethod.PASSWORD).cookieLifetime()).contains(Duration.ofDays(30));
        assertThat(store.countOf(ACCOUNT)).isEqualTo(2);
    }

    @Test
    void everyIssuedAccessTokenIsASignInCountedByItsMethodAndAnEndedSessionIsNone() {
        SignedIn started = sessions.start(ACCOUNT, 0, false, SignInMethod.PASSWORD);
        sessions.start(ACCOUNT, 0, false, SignInMethod.OIDC);
        SignedIn refreshed = sessions.refresh(credential(started));
        sessions.refresh(credential(started)); // a second tab within the grace window: tokens issued again
        clock.advance(Sessions.GRACE);
        assertEnded(credential(started));
        assertEnded(credential(refreshed));

        List<EmfRecord> records = EmfRecord.in(metricLines);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.values()).containsExactly(Map.entry("SignIns", 1.0));
            assertThat(record.units()).containsExactly(Map.entry("SignIns", "Count"));
            assertThat(record.dimensions()).containsOnlyKeys("Stack", "Method");
        });
        assertThat(records).extracting(record -> record.dimensions().get("Method"))
                .containsExactly("Password", "Oidc", "Refresh", "Refresh");
        assertThat(metricLines).noneMatch(line -> line.contains(ACCOUNT) || line.contains(refreshed.accessToken()));
    }

    @Test
    void aFreshCredentialRefreshesAndRotatesOnEveryUse() {
        SignedIn started = sessions.start(ACCOUNT, 0, true, SignInMethod.PASSWORD);

        SignedIn first = sessions.refresh(credential(started));
        clock.advance(Duration.ofMinutes(15));
        SignedIn second = sessions.refresh(credential(first));

        assertThat(credential(first)).isNotEqualTo(credential(started));
        assertThat(credential(second)).isNotEqualTo(credential(first)).isNotEqualTo(credential(started));
        assertThat(accessTokens.verify(second.accessToken()).accountId()).isEqualTo(ACCOUNT);
        assertThat(second.cookieLifetime()).contains(Duration.ofDays(30));
        assertThat(store.countOf(ACCOUNT)).isEqualTo(1);
    }

    @Test
    void theSameCredentialWithinTheGraceWindowGetsTheSameSuccessorWithoutRotatingAgain() {
        SignedIn started = sessions.start(ACCOUNT, 0, false, SignInMethod.PASSWORD);
        SignedIn firstTab = sessions.refresh(credential(started));

        clock.advance(Sessions.GRACE.minusSeconds(1));
        SignedIn secondTab = sessions.refresh(credential(started));

        assertThat(credential(secondTab)).isEqualTo(credential(firstTab));
        assertThat(sessions.refresh(credential(secondTab)).accessToken()).isNotBlank();
    }

    @Test
    void aRotatedCredentialReplayedAfterTheGraceWindowEndsTheSessionForBothHolders() {
        SignedIn started = sessions.start(ACCOUNT, 0, false, SignInMethod.PASSWORD);
        SignedIn owner = sessions.refresh(credential(started));

        clock.advance(Sessions.GRACE);
        assertEnded(credential(started));

        assertEnded(credential(owner));
        assertThat(store.countOf(ACCOUNT)).isZero();
    }

    @Test
    void aCredentialRotatedAwaySeveralRotationsAgoIsAReuseAtOnce() {
        SignedIn started = sessions.start(ACCOUNT, 0, false, SignInMethod.PASSWORD);
        SignedIn latest = started;
        for (int i = 0; i < 20; i++) {
            latest = sessions.refresh(credential(latest));
        }

        assertEnded(credential(started));
        assertEnded(credential(latest));
    }

    @Test
    void aCredentialThatIsNotTheSessionsIsRefusedWithoutEndingIt() {
        SignedIn started = sessions.start(ACCOUNT, 0, false, SignInMethod.PASSWORD);
        String forged = credential(started).substring(0, credential(started).lastIndexOf('.') + 1) + "A".repeat(43);

        assertEnded(forged);
        assertEnded("not-a-credential");
        assertEnded(null);

        assertThat(sessions.refresh(credential(started)).accessToken()).isNotBlank();
    }

    @Test
    void aSessionNotRememberedEndsTwelveHoursAfterTheSignInHoweverOftenItRefreshes() {
        SignedIn latest = sessions.start(ACCOUNT, 0, false, SignInMethod.PASSWORD);
        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(15));
            latest = sessions.refresh(credential(latest));
        }
        assertThat(latest.cookieLifetime()).isEmpty();

        clock.set(START.plus(Sessions.UNREMEMBERED));
        assertEnded(credential(latest));
    }

    @Test
    void aRememberedSessionLastsThirtyDaysFromItsLastRefresh() {
        SignedIn started = sessions.start(ACCOUNT, 0, true, SignInMethod.PASSWORD);
        clock.advance(Duration.ofDays(29));
        SignedIn refreshed = sessions.refresh(credential(started));

        clock.advance(Duration.ofDays(29));
        SignedIn again = sessions.refresh(credential(refreshed));

        clock.advance(Sessions.REMEMBERED);
        assertEnded(credential(again));
    }

    @Test
    void anEndedSessionIsRefusedAndEndingItTwiceChangesNothing() {
        SignedIn started = sessions.start(ACCOUNT, 0, true, SignInMethod.PASSWORD);
        SignedIn other = sessions.start(ACCOUNT, 0, true, SignInMethod.PASSWORD);

        sessions.end(credential(started));
        sessions.end(credential(started));
        sessions.end("not-a-credential");

        assertEnded(credential(started));
        assertThat(sessions.refresh(credential(other)).accessToken()).as("another session of the account").isNotBlank();
    }

    @Test
    void raisingTheAccountsCredentialVersionEndsEverySessionStartedBefore() {
        SignedIn first = sessions.start(ACCOUNT, 0, true, SignInMethod.PASSWORD);
        SignedIn second = sessions.start(ACCOUNT, 0, false, SignInMethod.PASSWORD);

        accounts.revokeCredentials(ACCOUNT, 0);

        assertEnded(credential(first));
        assertEnded(credential(second));
        SignedIn after = sessions.start(ACCOUNT, 1, false, SignInMethod.PASSWORD);
        assertThat(accessTokens.verify(sessions.refresh(credential(after)).accessToken()).credentialVersion()).isEqualTo(1);
    }

    @Test
    void aRotationThatLosesTheRaceToAnotherTabGetsTheWinnersSuccessor() {
        SignedIn started = sessions.start(ACCOUNT, 0, false, SignInMethod.PASSWORD);
        AtomicReference<SignedIn> otherTab = new AtomicReference<>();
        // The other tab rotates between this refresh's read and its conditional write.
        Sessions racing = sessions(new DelegatingSessionStore(store) {
            @Override
            public Rotation rotate(StoredSession next, String presentedHash) {
                otherTab.set(sessions.refresh(credential(started)));
                return super.rotate(next, presentedHash);
            }
        });

        SignedIn thisTab = racing.refresh(credential(started));

        assertThat(credential(thisTab)).isEqualTo(credential(otherTab.get()));
        assertThat(store.countOf(ACCOUNT)).isEqualTo(1);
    }

    @Test
    void aRetriedRotationWhoseFirstAttemptLandedIsRecognisedAsDone() {
        SignedIn started = sessions.start(ACCOUNT, 0, false, SignInMethod.PASSWORD);
        // The first attempt lands but its answer is lost; the retry fails its condition and sees the item.
        Sessions retrying = sessions(new DelegatingSessionStore(store) {
            @Override
            public Rotation rotate(StoredSession next, String presentedHash) {
                assertThat(super.rotate(next, presentedHash).applied()).isTrue();
                return super.rotate(next, presentedHash);
            }
        });

        SignedIn refreshed = retrying.refresh(credential(started));

        assertThat(sessions.refresh(credential(refreshed)).accessToken()).as("the rotated credential is current").isNotBlank();
    }

    @Test
    void aRotationRefusedBecauseTheSessionEndedMeanwhileIsRefused() {
        SignedIn started = sessions.start(ACCOUNT, 0, false, SignInMethod.PASSWORD);
        Sessions ending = sessions(new DelegatingSessionStore(store) {
            @Override
            public Rotation rotate(StoredSession next, String presentedHash) {
                sessions.end(credential(started));
                return super.rotate(next, presentedHash);
            }
        });

        assertThatThrownBy(() -> ending.refresh(credential(started))).isInstanceOf(SessionEnded.class);
        assertThat(store.countOf(ACCOUNT)).isZero();
    }

    /** A store that passes every call on, for tests that step in between. */
    private static class DelegatingSessionStore implements SessionStore {
        private final SessionStore target;

        DelegatingSessionStore(SessionStore target) {
            this.target = target;
        }

        @Override
        public void start(StoredSession session) {
            target.start(session);
        }

        @Override
        public Snapshot read(String accountId, String sessionId) {
            return target.read(accountId, sessionId);
        }

        @Override
        public Rotation rotate(StoredSession next, String presentedHash) {
            return target.rotate(next, presentedHash);
        }

        @Override
        public void end(String accountId, String sessionId) {
            target.end(accountId, sessionId);
        }
    }

    @Test
    void theCredentialNeverShowsInItsTextForm() {
        SignedIn started = sessions.start(ACCOUNT, 0, false, SignInMethod.PASSWORD);
        String secret = credential(started).substring(credential(started).lastIndexOf('.') + 1);

        assertThat(started.toString()).doesNotContain(secret);
        assertThat(Optional.of(started.credential()).toString()).doesNotContain(secret);
    }
}
