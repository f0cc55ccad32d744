package id.warta.accounts;

import id.warta.ratelimit.RateLimit;
import id.warta.ratelimit.RateLimitStore;
import id.warta.errors.AccountNotFound;
import id.warta.errors.RateLimited;
import id.warta.errors.SignInRequired;
import id.warta.errors.TokenInvalid;
import id.warta.errors.ValidationFailed;
import id.warta.errors.WrongCredentials;
import id.warta.identity.AccessTokens;
import id.warta.mail.MailKind;
import id.warta.mail.MailLanguage;
import id.warta.mail.MailOutbox;
import id.warta.mail.OutboxMessage;
import id.warta.paywall.AccessPolicy;
import id.warta.paywall.MeterJson;
import id.warta.paywall.MeterPeriod;
import id.warta.paywall.MeterState;
import id.warta.paywall.Meters;
import id.warta.time.Jakarta;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Registration, activation, sign-in and password reset. Register, resend and forgot behave the same
 * towards the caller whether or not the address is known; only the emails differ.
 */
public final class AccountService {
    /** "Subscriber with no end date" is stored as this instant, so readers need no special case. */
    static final Instant OPEN_ENDED = Instant.parse("9999-12-31T23:59:59Z");

    private final AccountStore store;
    private final MailOutbox outbox;
    private final PasswordHasher passwords;
    private final OneTimeTokens tokens;
    private final AccessTokens accessTokens;
    private final Meters meters;
    private final AccessPolicy policy;
    private final Clock clock;
    private final RateLimit activationSends;
    private final RateLimit resetSends;
    private final RateLimit failedLogins;

    public AccountService(AccountStore store, MailOutbox outbox, PasswordHasher passwords, OneTimeTokens tokens,
                          AccessTokens accessTokens, RateLimitStore limits, Meters meters, AccessPolicy policy,
                          Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.passwords = passwords;
        this.tokens = tokens;
        this.accessTokens = accessTokens;
        this.meters = meters;
        this.policy = policy;
        this.clock = clock;
        List<RateLimit.Window> emailSends = List.of(new RateLimit.Window(1, Duration.ofSeconds(60)),
                new RateLimit.Window(5, Duration.ofHours(1)));
        this.activationSends = new RateLimit("ACTIVATION_SEND", emailSends, limits, clock);
        this.resetSends = new RateLimit("RESET_SEND", emailSends, limits, clock);
        this.failedLogins = new RateLimit("LOGIN_FAILURE", List.of(new RateLimit.Window(5, Duration.ofMinutes(15))),
                limits, clock);
    }

    public record Session(String accessToken, long expiresInSeconds) {
        static Session of(AccessTokens accessTokens, Account account) {
            return new Session(accessTokens.issue(account.id(), account.credentialVersion()), AccessTokens.LIFETIME.toSeconds());
        }
    }

    public record Profile(String id, String email, String name, boolean activated, boolean subscriber,
                          MeterJson meter, List<String> unlocked) {
    }

    public record Subscription(String id, boolean subscriber, String subscriberUntil) {
    }

    public void register(String rawEmail, String password, String rawName, MailLanguage language) {
        AccountInput input = new AccountInput();
        String email = input.email(rawEmail);
        input.password(password);
        String name = input.name(rawName);
        input.check();
        // Hashed before knowing whether the address is taken, so both answers take as long.
        String passwordHash = passwords.hash(password);
        Instant now = clock.instant();
        String accountId = UUID.randomUUID().toString();
        OneTimeTokens.Issued activation = tokens.issue(accountId);
        store.create(new Account(accountId, email, name, passwordHash, false, 0, null, now,
                Map.of(TokenPurpose.ACTIVATION, List.of(pending(activation, TokenPurpose.ACTIVATION, now)))));
        if (store.claimEmail(email, accountId)) {
            // Charged once the email is queued: if queueing fails, a retry finds this account
            // unactivated and sends it a link (the claim serialises registrations of the address).
            outbox.enqueue(new OutboxMessage(MailKind.ACTIVATION, language, email, name, activation.token()));
            activationSends.record(email);
            return;
        }
        store.discard(accountId);
        Optional<Account> owner = store.findByEmail(email);
        if (owner.isEmpty()) {
            return;
        }
        // A repeated registration must not reveal the account: too-frequent sends are skipped silently.
        if (owner.get().activated()) {
            activationSends.tryAcquireFor(email, () -> outbox.enqueue(
                    new OutboxMessage(MailKind.ALREADY_REGISTERED, language, email, owner.get().name(), null)));
        } else {
            sendLink(owner.get(), TokenPurpose.ACTIVATION, MailKind.ACTIVATION, language, activationSends);
        }
    }

    /** @throws RateLimited when this registered address has had its activation sends. */
    public void resendActivation(String rawEmail, MailLanguage language) {
        String email = checkedEmail(rawEmail);
        Optional<Account> account = store.findByEmail(email);
        if (account.isEmpty()) {
            return;
        }
        Optional<Duration> wait = account.get().activated()
                ? activationSends.tryAcquire(email)
                : sendLink(account.get(), TokenPurpose.ACTIVATION, MailKind.ACTIVATION, language, activationSends);
        if (wait.isPresent()) {
            throw new RateLimited(wait.get());
        }
    }

    /**
     * Sends a new link, which replaces the previous one, if the limit allows, in an order that never
     * leaves the reader without a working link: the new link is stored beside the earlier one, its
     * email queued, and only then does it replace the earlier one. A failure before the email is
     * queued leaves the earlier link working and the limit uncharged (a retry sends at once); a
     * failure after leaves both links working until the next send or use.
     *
     * @return empty when the email was queued, else the time to wait
     */
    private Optional<Duration> sendLink(Account account, TokenPurpose purpose, MailKind kind, MailLanguage language,
                                        RateLimit limit) {
        OneTimeTokens.Issued issued = tokens.issue(account.id());
        Optional<Duration> wait = limit.tryAcquireFor(account.email(), () -> {
            store.addToken(account.id(), purpose, issued.hash(), clock.instant().plus(purpose.lifetime()));
            outbox.enqueue(new OutboxMessage(kind, language, account.email(), account.name(), issued.token()));
        });
        if (wait.isEmpty()) {
            store.promoteToken(account.id(), purpose, issued.hash());
        }
        return wait;
    }

    public void activate(String token) {
        OneTimeTokens.Presented presented = currentToken(token, TokenPurpose.ACTIVATION);
        if (!store.activate(presented.accountId(), presented.hash())) {
            throw tokenInvalid();
        }
    }

    public Session login(String rawEmail, String password) {
        AccountInput input = new AccountInput();
        String email = input.signInEmail(rawEmail);
        input.signInPassword(password);
        input.check();
        Optional<Duration> wait = failedLogins.retryAfter(email);
        if (wait.isPresent()) {
            throw new RateLimited(wait.get());
        }
        Optional<Account> account = store.findByEmail(email);
        boolean matches;
        if (account.isPresent()) {
            matches = passwords.verify(password, account.get().passwordHash());
        } else {
            passwords.verifyAgainstNothing(password);
            matches = false;
        }
        if (!matches) {
            failedLogins.record(email);
            throw new WrongCredentials();
        }
        return Session.of(accessTokens, account.get());
    }

    /** Always the same answer; a reset email goes out only to a known address, at most as often as activation mail. */
    public void forgotPassword(String rawEmail, MailLanguage language) {
        String email = checkedEmail(rawEmail);
        store.findByEmail(email)
                .ifPresent(account -> sendLink(account, TokenPurpose.PASSWORD_RESET, MailKind.PASSWORD_RESET, language, resetSends));
    }

    public void resetPassword(String token, String password) {
        AccountInput input = new AccountInput();
        input.password(password);
        input.check();
        OneTimeTokens.Presented presented = currentToken(token, TokenPurpose.PASSWORD_RESET);
        if (!store.resetPassword(presented.accountId(), presented.hash(), passwords.hash(password))) {
            throw tokenInvalid();
        }
    }

    public Profile profile(String accountId) {
        Account account = store.find(accountId).orElseThrow(SignInRequired::new);
        Instant now = clock.instant();
        MeterState state = meters.current(accountId, MeterPeriod.containing(now));
        return new Profile(account.id(), account.email(), account.name(), account.activated(), account.subscriberAt(now),
                policy.meter(state, now), state.unlocked().stream().sorted().toList());
    }

    /** @param until null with {@code subscriber} true means no end date */
    public Subscription setSubscription(String accountId, boolean subscriber, Instant until) {
        if (!AccountInput.isAccountId(accountId)) {
            throw new AccountNotFound();
        }
        Instant now = clock.instant();
        if (subscriber && until != null && !until.isAfter(now)) {
            throw new ValidationFailed(Map.of("until", "harus di masa depan"));
        }
        Instant stored = subscriber ? (until == null ? OPEN_ENDED : until) : null;
        if (!store.setSubscriberUntil(accountId, stored)) {
            throw new AccountNotFound();
        }
        return new Subscription(accountId, subscriber, stored == null || OPEN_ENDED.equals(stored) ? null : Jakarta.iso(stored));
    }

    /** The presented token if it is one of the account's valid, unexpired links of that purpose (compared in constant time). */
    private OneTimeTokens.Presented currentToken(String token, TokenPurpose purpose) {
        OneTimeTokens.Presented presented = OneTimeTokens.parse(token).orElseThrow(AccountService::tokenInvalid);
        List<Account.PendingToken> valid = store.find(presented.accountId())
                .map(a -> a.pendingTokens().getOrDefault(purpose, List.of()))
                .orElse(List.of());
        Instant now = clock.instant();
        // Every valid link is compared, so the time taken does not tell which one matched.
        boolean matches = false;
        for (Account.PendingToken pending : valid) {
            matches |= OneTimeTokens.sameHash(pending.hash(), presented.hash()) && now.isBefore(pending.expiresAt());
        }
        if (!matches) {
            throw tokenInvalid();
        }
        return presented;
    }

    private String checkedEmail(String rawEmail) {
        AccountInput input = new AccountInput();
        String email = input.email(rawEmail);
        input.check();
        return email;
    }

    private static Account.PendingToken pending(OneTimeTokens.Issued issued, TokenPurpose purpose, Instant now) {
        return new Account.PendingToken(issued.hash(), now.plus(purpose.lifetime()));
    }

    private static TokenInvalid tokenInvalid() {
        return new TokenInvalid();
    }
}
