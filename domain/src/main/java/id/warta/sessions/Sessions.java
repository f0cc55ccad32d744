package id.warta.sessions;

import id.warta.errors.SessionEnded;
import id.warta.identity.AccessTokens;
import id.warta.metrics.Dimension;
import id.warta.metrics.Measurements;
import id.warta.metrics.Metric;
import id.warta.metrics.Metrics;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Sessions that keep a reader signed in with short access tokens: refresh-token rotation with reuse
 * detection (OAuth 2.0 Security Best Current Practice, section 4.14). Every sign-in starts a session;
 * every refresh rotates its credential, and presenting a credential that was rotated away ends the
 * whole session, so a thief and the owner cannot both keep it: whoever refreshes second ends it.
 *
 * <p>Two tabs of one browser may refresh at the same moment with the same credential. The successor
 * of a credential is always the same one ({@link CredentialChain}), so for {@link #GRACE} after a
 * rotation its predecessor is answered with that same successor instead of counting as a reuse, and
 * both tabs stay signed in with the one session; a replay after that window ends the session. The
 * same rule recognises a retry of a rotation whose first attempt landed.
 *
 * <p>A session lasts {@link #REMEMBERED} from its last refresh when the reader asked to be
 * remembered, else {@link #UNREMEMBERED} from the sign-in; the expiry is checked here, the store's
 * TTL only removes the item later. A password reset or a sign-out everywhere raises the account's
 * credential version, which ends every session started under an older one.
 *
 * <p>Every access token issued here is a sign-in, reported by its {@link SignInMethod} ({@code SignIns}).
 */
public final class Sessions {
    public static final Duration REMEMBERED = Duration.ofDays(30);
    public static final Duration UNREMEMBERED = Duration.ofHours(12);
    /** Long enough for concurrent requests of one browser and the SDK's retries, short for a replay. */
    public static final Duration GRACE = Duration.ofSeconds(10);
    /**
     * How many rotations back a presented credential is still recognised as this session's (and so
     * ends it as a reuse rather than being refused as unknown): 4,096 HMACs, a few milliseconds, about
     * six weeks of a reader refreshing every 15 minutes around the clock.
     */
    static final int RECOGNISED_ROTATIONS = 4096;
    private static final int SESSION_ID_BYTES = 16;
    private static final int SECRET_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** Where a presented credential stands in its session. */
    enum Standing {
        /** The session's current credential: it rotates. */
        CURRENT,
        /** Rotated away less than {@link #GRACE} ago: answered with the same successor. */
        JUST_ROTATED,
        /** Rotated away earlier: a replay, which ends the session. */
        REUSED,
        /** Not a credential of this session (or older than {@link #RECOGNISED_ROTATIONS}). */
        FOREIGN
    }

    private final SessionStore store;
    private final CredentialChain chain;
    private final AccessTokens accessTokens;
    private final SecureRandom random;
    private final Metrics metrics;
    private final Clock clock;

    public Sessions(SessionStore store, CredentialChain chain, AccessTokens accessTokens, SecureRandom random,
                    Metrics metrics, Clock clock) {
        this.store = store;
        this.chain = chain;
        this.accessTokens = accessTokens;
        this.random = random;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Starts a session for a reader who has just proved who they are.
     *
     * @param method how they proved it ({@link SignInMethod#PASSWORD} or {@link SignInMethod#OIDC})
     */
    public SignedIn start(String accountId, long credentialVersion, boolean remember, SignInMethod method) {
        Instant now = clock.instant();
        String sessionId = randomBase64url(SESSION_ID_BYTES);
        SessionCredential credential = new SessionCredential(accountId, sessionId,
                accountId + "." + sessionId + "." + randomBase64url(SECRET_BYTES));
        store.start(new StoredSession(accountId, sessionId, credentialVersion, remember, credential.hash(), now, 0,
                now.plus(remember ? REMEMBERED : UNREMEMBERED)));
        return signedIn(accountId, credentialVersion, credential, remember, method);
    }

    /**
     * A new access token and the rotated credential: one read (the session with its account's
     * credential version) and at most one conditional write.
     *
     * @throws SessionEnded when the credential opens no session, or was rotated away (which ends it)
     */
    public SignedIn refresh(String presented) {
        SessionCredential credential = SessionCredential.parse(presented).orElseThrow(SessionEnded::new);
        Instant now = clock.instant();
        SessionStore.Snapshot snapshot = store.read(credential.accountId(), credential.sessionId());
        StoredSession session = snapshot.session()
                .filter(s -> now.isBefore(s.expiresAt()))
                .filter(s -> snapshot.accountCredentialVersion().equals(OptionalLong.of(s.credentialVersion())))
                .orElseThrow(SessionEnded::new);
        SessionCredential successor = chain.successor(credential);
        Standing standing = standing(session, credential, now);
        if (standing == Standing.CURRENT) {
            SessionStore.Rotation rotation = store.rotate(session.rotatedTo(successor.hash(), now, renewedExpiry(session, now)),
                    credential.hash());
            // Refused: another tab (or this rotation's own earlier attempt) rotated it first, or it ended.
            standing = rotation.applied() ? Standing.CURRENT
                    : rotation.stored().map(stored -> standing(stored, credential, now)).orElse(Standing.FOREIGN);
        }
        switch (standing) {
            case CURRENT, JUST_ROTATED -> {
                return signedIn(session.accountId(), session.credentialVersion(), successor, session.remember(),
                        SignInMethod.REFRESH);
            }
            case REUSED -> {
                store.end(session.accountId(), session.sessionId());
                throw new SessionEnded();
            }
            default -> throw new SessionEnded();
        }
    }

    /** Ends the credential's session, if it is one (a rotated-away credential ends it too); nothing otherwise. */
    public void end(String presented) {
        Optional<SessionCredential> credential = SessionCredential.parse(presented);
        if (credential.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        store.read(credential.get().accountId(), credential.get().sessionId()).session()
                .filter(session -> standing(session, credential.get(), now) != Standing.FOREIGN)
                .ifPresent(session -> store.end(session.accountId(), session.sessionId()));
    }

    /** Where the credential stands in the session as stored. */
    private Standing standing(StoredSession session, SessionCredential credential, Instant now) {
        OptionalInt steps = chain.stepsToCurrent(credential, session.currentHash(),
                Math.min(session.rotations(), RECOGNISED_ROTATIONS));
        if (steps.isEmpty()) {
            return Standing.FOREIGN;
        }
        if (steps.getAsInt() == 0) {
            return Standing.CURRENT;
        }
        return steps.getAsInt() == 1 && now.isBefore(session.rotatedAt().plus(GRACE)) ? Standing.JUST_ROTATED
                : Standing.REUSED;
    }

    /** A remembered session lasts {@link #REMEMBERED} from each refresh; another keeps its end. */
    private static Instant renewedExpiry(StoredSession session, Instant now) {
        return session.remember() ? now.plus(REMEMBERED) : session.expiresAt();
    }

    private SignedIn signedIn(String accountId, long credentialVersion, SessionCredential credential, boolean remember,
                              SignInMethod method) {
        SignedIn signedIn = new SignedIn(accessTokens.issue(accountId, credentialVersion), AccessTokens.LIFETIME.toSeconds(),
                credential, remember ? Optional.of(REMEMBERED) : Optional.empty());
        metrics.publish(Measurements.by(Dimension.METHOD, method.dimensionValue()).put(Metric.SIGN_INS, 1));
        return signedIn;
    }

    private String randomBase64url(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }
}
