package id.warta.membership;

import id.warta.ratelimit.RateLimit;
import id.warta.ratelimit.RateLimitStore;
import id.warta.errors.AccountNotFound;
import id.warta.errors.RateLimited;
import id.warta.errors.SignInRequired;
import id.warta.errors.TokenInvalid;
import id.warta.errors.ValidationFailed;
import id.warta.errors.WrongCredentials;
import id.warta.hashing.KeyedHash;
import id.warta.hashing.Sha256;
import id.warta.mail.MailKind;
import id.warta.mail.MailLanguage;
import id.warta.mail.MailOutbox;
import id.warta.mail.OutboxMessage;
import id.warta.metrics.Measurements;
import id.warta.metrics.Metric;
import id.warta.metrics.Metrics;
import id.warta.paywall.AccessPolicy;
import id.warta.paywall.MeterJson;
import id.warta.paywall.MeterPeriod;
import id.warta.paywall.MeterState;
import id.warta.sessions.Sessions;
import id.warta.sessions.SignInMethod;
import id.warta.sessions.SignedIn;
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
 * towards the caller whether or not the address is known; only the emails differ. Each account
 * created ({@code Registrations}) and activated ({@code Activations}) is reported; sign-ins are
 * reported by {@link Sessions}.
 */
public final class AccountService {
    /** "Subscriber with no end date" is stored as this instant, so readers need no special case. */
    static final Instant OPEN_ENDED = Instant.parse("9999-12-31T23:59:59Z");
    /** The writes of a sent link: the limit's event, the new link, its outbox item, its promotion. */
    private static final int LINK_SEND_WRITES = 4;

    private final AccountStore store;
    private final MailOutbox outbox;
    private final PasswordHashing passwords;
    private final OneTimeTokens tokens;
    private final Sessions sessions;
    private final ProfileStanding standings;
    private final AccessPolicy policy;
    private final Metrics metrics;
    private final Clock clock;
    private final RateLimit activationSends;
    private final RateLimit resetSends;
    private final SignInLimits signIns;
    /** Registrations, resends and reset requests per client network; absent when switched off. */
    private final Optional<RateLimit> mailRequests;

    public AccountService(AccountStore store, MailOutbox outbox, PasswordHashing passwords, OneTimeTokens tokens,
                          Sessions sessions, RateLimitStore limits, KeyedHash limitSubjects, ClientCeilings ceilings,
                          ProfileStanding standings, AccessPolicy policy, Metrics metrics, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.passwords = passwords;
        this.tokens = tokens;
        this.sessions = sessions;
        this.standings = standings;
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
        List<RateLimit.Window> emailSends = List.of(new RateLimit.Window(1, Duration.ofSeconds(60)),
                new RateLimit.Window(5, Duration.ofHours(1)));
        this.activationSends = new RateLimit("ACTIVATION_SEND", emailSends, limits, limitSubjects, clock);
        this.resetSends = new RateLimit("RESET_SEND", emailSends, limits, limitSubjects, clock);
        this.signIns = new SignInLimits(limits, limitSubjects, ceilings.failedSignIns(), clock);
        this.mailRequests = ceilings.mailRequestsPerHour() > 0
                ? Optional.of(new RateLimit("MAIL_REQUEST_IP",
                        List.of(new RateLimit.Window(ceilings.mailRequestsPerHour(), Duration.ofHours(1))), limits, limitSubjects,
                        clock))
                : Optional.empty();
    }

    /**
     * @param emailDeliverable false once SES reported the address as hard-bouncing or complaining: no
     *                         email (activation, reset) reaches it any more, so the reader should change it
     */
    public record Profile(String id, String email, String name, boolean activated, boolean subscriber,
                          boolean emailDeliverable, MeterJson meter, List<String> unlocked) {
    }

    public record Subscription(String id, boolean subscriber, String subscriberUntil) {
    }

    /**
     * @throws RateLimited when the client has made its registrations, resends and reset requests for
     *                     the hour (a registration that cannot happen says so: the reader would wait for nothing)
     */
    public void register(String rawEmail, String password, String rawName, MailLanguage language, ClientNetwork client) {
        AccountInput input = new AccountInput();
        String email = input.email(rawEmail);
        input.password(password);
        String name = input.name(rawName);
        input.check();
        Optional<Duration> overCeiling = overMailCeiling(client);
        if (overCeiling.isPresent()) {
            throw new RateLimited(overCeiling.get());
        }
        // Hashed before knowing whether the address is taken, so both answers take as long.
        Account.Registration registration = new Account.Registration(passwords.hash(password), name);
        Instant now = clock.instant();
        String accountId = UUID.randomUUID().toString();
        OneTimeTokens.Issued activation = tokens.issue(accountId);
        store.create(new Account(accountId, email, name, registration.passwordHash(), false, 0, null, now,
                Map.of(TokenPurpose.ACTIVATION, List.of(pending(activation, TokenPurpose.ACTIVATION, now, registration)))));
        if (store.claimEmail(email, accountId)) {
            // Charged once the email is queued: if queueing fails, a retry finds this account
            // unactivated and sends it a link (the claim serialises registrations of the address).
            outbox.enqueue(new OutboxMessage(MailKind.ACTIVATION, language, email, name, activation.token()));
            activationSends.record(email);
            metrics.publish(Measurements.of().put(Metric.REGISTRATIONS, 1));
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
            // Whoever registered the address first never proved owning it: this registration's link
            // carries this registration's password and name, and activating it puts them in place.
            sendLink(owner.get(), TokenPurpose.ACTIVATION, MailKind.ACTIVATION, language, activationSends, registration);
        }
    }

    /**
     * Takes as long for an address nobody registered as for a registered one ({@link Attempt}).
     *
     * @throws RateLimited when this registered address has had its activation sends for now
     */
    public MailRequest resendActivation(String rawEmail, MailLanguage language, ClientNetwork client) {
        String email = checkedEmail(rawEmail);
        if (overMailCeiling(client).isPresent()) {
            return MailRequest.OVER_CLIENT_CEILING;
        }
        Attempt attempt = store.findByEmail(email)
                .map(account -> account.activated()
                        ? Attempt.charged(activationSends.tryAcquire(email))
                        : Attempt.link(sendLink(account, TokenPurpose.ACTIVATION, MailKind.ACTIVATION, language,
                                activationSends, continuedRegistration(account))))
                .orElseGet(this::nobodyToSendTo);
        writeStandIns(attempt);
        if (attempt.retryAfter().isPresent()) {
            throw new RateLimited(attempt.retryAfter().get());
        }
        return MailRequest.HANDLED;
    }

    /**
     * What a forgot or resend request came to: the wait its limit asked for (empty when it went
     * through) and how many of the {@value #LINK_SEND_WRITES} writes of a sent link it made.
     *
     * <p>Forgot and resend make the same DynamoDB calls whatever the address and its state, so that
     * the time they take tells nothing about it (issue 17, row 3): the reads of the address's owner
     * item and account ({@link AccountStore#findByEmail}) and of its send limit, then the writes of a
     * sent link: the limit's event, the new link, its outbox item, its promotion. What a request has
     * no use for, for an address nobody registered or a send that the limit skips, it makes as
     * stand-ins ({@link AccountStore#standInRead}, {@link AccountStore#standInWrite}).
     */
    private record Attempt(Optional<Duration> retryAfter, int writes) {
        static final Attempt NOTHING = new Attempt(Optional.empty(), 0);

        /** A link sent (all its writes) or skipped by its limit (none). */
        static Attempt link(Optional<Duration> retryAfter) {
            return new Attempt(retryAfter, retryAfter.isEmpty() ? LINK_SEND_WRITES : 0);
        }

        /** A limit charged (its one write) or refused (none), with nothing sent. */
        static Attempt charged(Optional<Duration> retryAfter) {
            return new Attempt(retryAfter, retryAfter.isEmpty() ? 1 : 0);
        }
    }

    /**
     * The wait of a client past its hourly ceiling of registrations, resends and reset requests;
     * empty, and the request counted, for one within it. Checked, then counted: a count lost to
     * concurrent requests of the same client is missed rather than refusing anyone (the versioned
     * write gives up after its retries).
     */
    private Optional<Duration> overMailCeiling(ClientNetwork client) {
        return mailRequests.flatMap(limit -> {
            Optional<Duration> wait = limit.retryAfter(client.id());
            if (wait.isEmpty()) {
                limit.record(client.id());
            }
            return wait;
        });
    }

    /** The limit read that an address nobody registered has no use for, made as a stand-in. */
    private Attempt nobodyToSendTo() {
        store.standInRead();
        return Attempt.NOTHING;
    }

    private void writeStandIns(Attempt attempt) {
        for (int i = attempt.writes(); i < LINK_SEND_WRITES; i++) {
            store.standInWrite();
        }
    }

    /**
     * The registration a resent activation link continues (a resend chooses no password): the one
     * of the newest link sent, or the account's own for a link stored before links carried one.
     */
    private static Account.Registration continuedRegistration(Account account) {
        return account.pendingTokens().getOrDefault(TokenPurpose.ACTIVATION, List.of()).stream()
                .findFirst()
                .map(Account.PendingToken::registration)
                .orElse(account.ownRegistration());
    }

    /**
     * Sends a new link, which replaces the previous one, if the limit allows, in an order that never
     * leaves the reader without a working link: the new link is stored beside the earlier one, its
     * email queued, and only then does it replace the earlier one. A failure before the email is
     * queued leaves the earlier link working and the limit uncharged (a retry sends at once); a
     * failure after leaves both links working until the next send or use.
     *
     * @param registration what an activation link activates (its name greets the reader); null for a reset link
     * @return empty when the email was queued, else the time to wait
     */
    private Optional<Duration> sendLink(Account account, TokenPurpose purpose, MailKind kind, MailLanguage language,
                                        RateLimit limit, Account.Registration registration) {
        OneTimeTokens.Issued issued = tokens.issue(account.id());
        String greeted = registration == null ? account.name() : registration.name();
        Optional<Duration> wait = limit.tryAcquireFor(account.email(), () -> {
            store.addToken(account.id(), purpose, pending(issued, purpose, clock.instant(), registration));
            outbox.enqueue(new OutboxMessage(kind, language, account.email(), greeted, issued.token()));
        });
        if (wait.isEmpty()) {
            store.promoteToken(account.id(), purpose, issued.hash());
        }
        return wait;
    }

    /**
     * Activates the account with the password and name of the registration that sent this link, and
     * ends every access token issued before: a first registrant of someone else's address keeps
     * neither the password, the name nor the session he chose.
     */
    public void activate(String token) {
        ValidLink link = currentToken(token, TokenPurpose.ACTIVATION);
        Account.Registration registration = link.pending().registration() != null ? link.pending().registration()
                : link.account().ownRegistration();
        if (!store.activate(link.account().id(), link.pending().hash(), registration)) {
            throw tokenInvalid();
        }
        metrics.publish(Measurements.of().put(Metric.ACTIVATIONS, 1));
    }

    /**
     * Signs in and starts a session ({@link Sessions}).
     *
     * @param remember the reader asked to stay signed in ("Ingat saya")
     * @throws RateLimited while a limit of failed sign-ins holds for this address or client ({@link SignInLimits})
     */
    public SignedIn login(String rawEmail, String password, ClientNetwork client, boolean remember) {
        AccountInput input = new AccountInput();
        String email = input.signInEmail(rawEmail);
        input.signInPassword(password);
        input.check();
        Optional<Duration> wait = signIns.retryAfter(email, client);
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
            signIns.failed(email, client);
            throw new WrongCredentials();
        }
        return sessions.start(account.get().id(), account.get().credentialVersion(), remember, SignInMethod.PASSWORD);
    }

    /**
     * Always the same answer, in the same time ({@link Attempt}); a reset email goes out only to a
     * known address, at most as often as activation mail, and never for a client past its ceiling.
     */
    public MailRequest forgotPassword(String rawEmail, MailLanguage language, ClientNetwork client) {
        String email = checkedEmail(rawEmail);
        if (overMailCeiling(client).isPresent()) {
            return MailRequest.OVER_CLIENT_CEILING;
        }
        writeStandIns(store.findByEmail(email)
                .map(account -> Attempt.link(sendLink(account, TokenPurpose.PASSWORD_RESET, MailKind.PASSWORD_RESET,
                        language, resetSends, null)))
                .orElseGet(this::nobodyToSendTo));
        return MailRequest.HANDLED;
    }

    public void resetPassword(String token, String password) {
        AccountInput input = new AccountInput();
        input.password(password);
        input.check();
        ValidLink link = currentToken(token, TokenPurpose.PASSWORD_RESET);
        if (!store.resetPassword(link.account().id(), link.pending().hash(), passwords.hash(password))) {
            throw tokenInvalid();
        }
    }

    /**
     * Ends every session of the account and revokes every access token issued before: both carry the
     * credential version this raises.
     *
     * @param credentialVersion the version of the access token that asked (a retry finds it raised already)
     */
    public void signOutEverywhere(String accountId, long credentialVersion) {
        store.revokeCredentials(accountId, credentialVersion);
    }

    public Profile profile(String accountId) {
        Account account = store.find(accountId).orElseThrow(SignInRequired::new);
        Instant now = clock.instant();
        ProfileStanding.Standing standing = standings.of(accountId, account.email(), MeterPeriod.containing(now));
        MeterState meter = standing.meter();
        return new Profile(account.id(), account.email(), account.name(), account.activated(), account.subscriberAt(now),
                standing.suppression().isEmpty(), policy.meter(meter, now), meter.unlocked().stream().sorted().toList());
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

    /** A presented link that is one of its account's valid links, with what is stored for it. */
    private record ValidLink(Account account, Account.PendingToken pending) {
    }

    /** The presented token if it is one of the account's valid, unexpired links of that purpose (compared in constant time). */
    private ValidLink currentToken(String token, TokenPurpose purpose) {
        OneTimeTokens.Presented presented = OneTimeTokens.parse(token).orElseThrow(AccountService::tokenInvalid);
        Optional<Account> account = store.find(presented.accountId());
        List<Account.PendingToken> valid = account
                .map(a -> a.pendingTokens().getOrDefault(purpose, List.of()))
                .orElse(List.of());
        Instant now = clock.instant();
        // Every valid link is compared, so the time taken does not tell which one matched.
        Account.PendingToken matched = null;
        for (Account.PendingToken pending : valid) {
            if (Sha256.sameHash(pending.hash(), presented.hash()) & now.isBefore(pending.expiresAt())) {
                matched = pending;
            }
        }
        if (matched == null) {
            throw tokenInvalid();
        }
        return new ValidLink(account.get(), matched);
    }

    private String checkedEmail(String rawEmail) {
        AccountInput input = new AccountInput();
        String email = input.email(rawEmail);
        input.check();
        return email;
    }

    private static Account.PendingToken pending(OneTimeTokens.Issued issued, TokenPurpose purpose, Instant now,
                                                Account.Registration registration) {
        return new Account.PendingToken(issued.hash(), now.plus(purpose.lifetime()), registration);
    }

    private static TokenInvalid tokenInvalid() {
        return new TokenInvalid();
    }
}
