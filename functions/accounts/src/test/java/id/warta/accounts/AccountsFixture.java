package id.warta.accounts;

import id.warta.testing.InMemoryAccountStore;
import id.warta.testing.InMemoryRateLimitStore;
import id.warta.testing.InMemorySessionStore;
import id.warta.testing.InMemorySuppressionList;
import id.warta.sessions.CredentialChain;
import id.warta.sessions.Sessions;

import id.warta.membership.AccountStore;
import id.warta.membership.AccountService;
import id.warta.membership.OneTimeTokens;
import id.warta.membership.ProfileStanding;
import id.warta.membership.ClientCeilings;
import id.warta.membership.ClientNetwork;

import id.warta.ratelimit.RateLimit;
import id.warta.ratelimit.RateLimitStore;

import id.warta.accounts.oidc.IdTokenVerifier;
import id.warta.accounts.oidc.TestIssuer;
import id.warta.identity.AccessTokens;
import id.warta.http.JwtAccessTokens;
import id.warta.testing.TestSigningKeys;
import id.warta.mail.MailKind;
import id.warta.mail.MailOutbox;
import id.warta.mail.OutboxMessage;
import id.warta.logging.EmbeddedMetricFormat;
import id.warta.logging.EventLog;
import id.warta.paywall.AccessPolicy;
import id.warta.paywall.MeterState;
import id.warta.testing.MutableClock;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The domain wired to in-memory fakes and a cheap Argon2 cost (tests only; production cost is in the handler). */
final class AccountsFixture {
    static final Instant START = Instant.parse("2026-11-26T03:15:00Z");
    static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    static final PasswordHasher.Cost CHEAP = new PasswordHasher.Cost(64, 1, 1);
    /** The network the tests' requests come from, unless a test is about another one. */
    static final ClientNetwork CLIENT = ClientNetwork.of("203.0.113.7");

    final MutableClock clock = new MutableClock(START);
    final InMemoryAccountStore store = new InMemoryAccountStore();
    final InMemorySuppressionList suppressions = new InMemorySuppressionList();
    /** Hashes of the ID tokens that signed in. */
    final Set<String> usedIdTokens = ConcurrentHashMap.newKeySet();
    final List<OutboxMessage> outbox = new ArrayList<>();
    /** The service's calls to its account store, rate-limit store and outbox. */
    final StoreCalls storeCalls = new StoreCalls();
    /** How many of the next outbox writes fail (as a DynamoDB outage would make them). */
    int failingOutboxWrites;
    final PasswordHasher passwords;
    final AccessTokens accessTokens = new JwtAccessTokens(TestSigningKeys.single(SECRET), clock);
    final InMemorySessionStore sessionStore = new InMemorySessionStore(store);
    /** The EMF lines of the sign-ins, registrations and activations (and of the handler's 429s). */
    final List<String> metricLines = new ArrayList<>();
    final EmbeddedMetricFormat metrics = new EmbeddedMetricFormat("Warta", "test", new EventLog("accounts", metricLines::add),
            clock);
    final Sessions sessions = new Sessions(sessionStore, new CredentialChain(SECRET), accessTokens, new SecureRandom(),
            metrics, clock);
    final AccountService service;
    final TestIssuer issuer = new TestIssuer();
    final SocialSignIn socialSignIn;

    /** Per-client limits switched off: the tests that are not about them make requests from one client. */
    AccountsFixture() {
        this(ClientCeilings.NONE);
    }

    AccountsFixture(ClientCeilings ceilings) {
        this(new PasswordHasher(CHEAP, new SecureRandom()), ceilings);
    }

    AccountsFixture(PasswordHasher passwords) {
        this(passwords, ClientCeilings.NONE);
    }

    private AccountsFixture(PasswordHasher passwords, ClientCeilings ceilings) {
        this.passwords = passwords;
        service = new AccountService(storeCalls.recorded(AccountStore.class, store),
                storeCalls.recorded(MailOutbox.class, this::enqueue), passwords, new OneTimeTokens(new SecureRandom()),
                sessions, storeCalls.recorded(RateLimitStore.class, new InMemoryRateLimitStore()),
                RateLimit.subjectHashes(SECRET), ceilings,
                (accountId, email, period) -> new ProfileStanding.Standing(new MeterState(Set.of("kopi-gayo")),
                        suppressions.find(email)),
                new AccessPolicy(2), metrics, clock);
        socialSignIn = new SocialSignIn(IdTokenVerifier.forProviders(List.of(TestIssuer.provider("google", false)),
                issuer.fetcher(), clock), store, (tokenHash, acceptedUntil) -> usedIdTokens.add(tokenHash), sessions, metrics,
                clock);
    }

    private void enqueue(OutboxMessage message) {
        if (failingOutboxWrites > 0) {
            failingOutboxWrites--;
            throw new IllegalStateException("The outbox write failed");
        }
        outbox.add(message);
    }

    /** A valid Google ID token for the address, as the browser would send it with {@code nonce}. */
    String idToken(String email, String nonce) {
        return issuer.sign(issuer.claims(email, nonce, clock.instant()).build());
    }

    OutboxMessage lastMail(MailKind kind) {
        return outbox.reversed().stream().filter(m -> m.kind() == kind).findFirst().orElseThrow();
    }
}
