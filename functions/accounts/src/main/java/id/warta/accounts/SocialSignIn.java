package id.warta.accounts;

import id.warta.membership.Account;
import id.warta.membership.AccountStore;
import id.warta.membership.UsedIdTokens;
import id.warta.membership.AccountInput;

import id.warta.hashing.Sha256;
import id.warta.accounts.oidc.IdTokenVerifier;
import id.warta.accounts.oidc.KeysUnavailableException;
import id.warta.accounts.oidc.ProviderIdentity;
import id.warta.errors.DependencyUnavailable;
import id.warta.errors.SignInUnverifiable;
import id.warta.errors.UnknownProvider;
import id.warta.metrics.Measurements;
import id.warta.metrics.Metric;
import id.warta.metrics.Metrics;
import id.warta.sessions.Sessions;
import id.warta.sessions.SignInMethod;
import id.warta.sessions.SignedIn;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in and sign-up with an OpenID Connect ID token. A linked provider identity finds its account
 * whatever address the provider now reports. Otherwise only an address the provider vouches for is
 * used: it signs in the account that owns it (and links the identity) or creates a new, already
 * activated account. An address the provider does not vouch for never reaches an account. A token
 * signs in once: a second use of the same token, before it expires, is refused. An account created
 * here is a registration, an account activated here an activation (the metrics {@code Registrations},
 * {@code Activations}).
 */
public final class SocialSignIn {
    private final Map<String, IdTokenVerifier> verifiers;
    private final AccountStore store;
    private final UsedIdTokens usedTokens;
    private final Sessions sessions;
    private final Metrics metrics;
    private final Clock clock;

    public SocialSignIn(Map<String, IdTokenVerifier> verifiers, AccountStore store, UsedIdTokens usedTokens,
                        Sessions sessions, Metrics metrics, Clock clock) {
        this.verifiers = Map.copyOf(verifiers);
        this.store = store;
        this.usedTokens = usedTokens;
        this.sessions = sessions;
        this.metrics = metrics;
        this.clock = clock;
    }

    public record Result(SignedIn signedIn, boolean created) {
    }

    /** @throws UnknownProvider for a provider the stack does not configure */
    public void requireProvider(String provider) {
        verifierFor(provider);
    }

    private IdTokenVerifier verifierFor(String provider) {
        IdTokenVerifier verifier = verifiers.get(provider);
        if (verifier == null) {
            throw new UnknownProvider();
        }
        return verifier;
    }

    /**
     * Signs in and starts a session; {@code remember} as for a password sign-in. {@code nameBesideToken}
     * (may be null) names a new account whose token names nobody: Apple sends the reader's name
     * once, beside the token, never in it.
     */
    public Result signIn(String provider, String idToken, String nonce, boolean remember, String nameBesideToken) {
        ProviderIdentity identity = verified(verifierFor(provider), idToken, nonce);
        if (!usedTokens.firstUse(Sha256.hex(idToken), identity.acceptedUntil())) {
            throw unauthorized();
        }
        Optional<Account> linked = store.findByIdentity(provider, identity.subject());
        if (linked.isPresent()) {
            return new Result(started(linked.get(), remember), false);
        }
        String email = vouchedEmail(identity);
        Optional<Account> owner = store.findByEmail(email);
        if (owner.isEmpty()) {
            Account created = newAccount(email, identity, nameBesideToken);
            store.create(created);
            if (store.claimEmail(email, created.id())) {
                metrics.publish(Measurements.of().put(Metric.REGISTRATIONS, 1));
                return new Result(started(link(identity, created), remember), true);
            }
            // Someone else claimed the address a moment ago: sign in to that account instead.
            store.discard(created.id());
            owner = store.findByEmail(email);
        }
        Account account = owner.orElseThrow(SocialSignIn::unauthorized);
        if (!account.activated()) {
            store.activateForVerifiedOwner(account.id());
            metrics.publish(Measurements.of().put(Metric.ACTIVATIONS, 1));
            account = store.find(account.id()).orElseThrow(SocialSignIn::unauthorized);
        }
        return new Result(started(link(identity, account), remember), false);
    }

    private SignedIn started(Account account, boolean remember) {
        return sessions.start(account.id(), account.credentialVersion(), remember, SignInMethod.OIDC);
    }

    private static ProviderIdentity verified(IdTokenVerifier verifier, String idToken, String nonce) {
        try {
            return verifier.verify(idToken, nonce).orElseThrow(SocialSignIn::unauthorized);
        } catch (KeysUnavailableException e) {
            throw new DependencyUnavailable();
        }
    }

    private static String vouchedEmail(ProviderIdentity identity) {
        String email = AccountInput.normalizeEmail(identity.email());
        AccountInput input = new AccountInput();
        input.email(email);
        if (!identity.emailVerified() || email == null || !input.valid()) {
            throw unauthorized();
        }
        return email;
    }

    /** The account the identity ends up linked to: a concurrent sign-in may have linked it first. */
    private Account link(ProviderIdentity identity, Account account) {
        if (store.linkIdentity(identity.provider(), identity.subject(), account.id(), clock.instant())) {
            return account;
        }
        return store.findByIdentity(identity.provider(), identity.subject()).orElseThrow(SocialSignIn::unauthorized);
    }

    /** Activated at once (the provider vouched for the address) and without a password: every password login fails. */
    private Account newAccount(String email, ProviderIdentity identity, String nameBesideToken) {
        Instant now = clock.instant();
        return new Account(UUID.randomUUID().toString(), email,
                AccountInput.displayName(email, identity.name(), nameBesideToken), null,
                true, 0, null, now, Map.of());
    }

    private static SignInUnverifiable unauthorized() {
        return new SignInUnverifiable();
    }
}
