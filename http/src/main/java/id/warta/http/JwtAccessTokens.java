package id.warta.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import id.warta.identity.AccessClaims;
import id.warta.identity.AccessTokens;
import id.warta.identity.InvalidAccessTokenException;
import id.warta.identity.SigningKey;
import id.warta.identity.SigningKeyRing;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link AccessTokens} as HS256 JWTs (java-jwt) whose {@code kid} header names the key that signed
 * them: new tokens are signed with the ring's signer, and a token verifies under the listed key its
 * {@code kid} names, so that during a rotation the old key's tokens stay valid beside the new key's
 * (README, Operating Warta). A token naming no listed key is invalid. Each verifier is bound to HS256
 * and one key, so a token cannot choose its own algorithm ("none", or another key type); it is built
 * on the first token to verify under that key: java-jwt's parser brings jackson-databind, which an
 * anonymous reader's request (most of them) never needs, so a cold start that serves one does not
 * load it, nor read the key set.
 */
public final class JwtAccessTokens implements AccessTokens {
    private static final String ISSUER = "warta";
    private static final String VERSION_CLAIM = "cv";
    private static final long CLOCK_SKEW_SECONDS = 30;

    private final SigningKeyRing keys;
    private final Clock clock;
    /** By key id; a key changed under the same id replaces its entry. At most as many as keys listed. */
    private final Map<String, KeyedVerifier> verifiers = new ConcurrentHashMap<>();

    private record KeyedVerifier(SigningKey key, JWTVerifier verifier) {
    }

    public JwtAccessTokens(SigningKeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public String issue(String accountId, long credentialVersion) {
        SigningKey signer = keys.signer();
        Instant now = clock.instant();
        return JWT.create()
                .withKeyId(signer.id())
                .withIssuer(ISSUER)
                .withSubject(accountId)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(LIFETIME))
                .withClaim(VERSION_CLAIM, credentialVersion)
                .sign(Algorithm.HMAC256(signer.material()));
    }

    @Override
    public AccessClaims verify(String token) {
        if (token == null || token.isEmpty() || token.length() > 4096) {
            throw new InvalidAccessTokenException();
        }
        try {
            DecodedJWT unverified = JWT.decode(token);
            SigningKey key = keys.verifier(unverified.getKeyId()).orElseThrow(InvalidAccessTokenException::new);
            DecodedJWT jwt = verifierFor(key).verify(unverified);
            Claim version = jwt.getClaim(VERSION_CLAIM);
            if (jwt.getExpiresAtAsInstant() == null || jwt.getIssuedAtAsInstant() == null || version.asLong() == null) {
                throw new InvalidAccessTokenException();
            }
            return new AccessClaims(jwt.getSubject(), version.asLong(), jwt.getIssuedAtAsInstant(),
                    jwt.getExpiresAtAsInstant());
        } catch (JWTVerificationException | IllegalArgumentException e) {
            throw new InvalidAccessTokenException();
        }
    }

    private JWTVerifier verifierFor(SigningKey key) {
        return verifiers.compute(key.id(), (id, built) -> built != null && built.key().equals(key) ? built
                : new KeyedVerifier(key, ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(key.material()))
                        .withIssuer(ISSUER)
                        .withClaimPresence(VERSION_CLAIM)
                        .withClaimPresence("sub")
                        .acceptLeeway(CLOCK_SKEW_SECONDS)
                        .acceptExpiresAt(0))
                        .build(clock))).verifier();
    }
}
