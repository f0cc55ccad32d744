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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * {@link AccessTokens} as HS256 JWTs (java-jwt). The verifier is bound to HS256 and our secret, so a
 * token cannot choose its own algorithm ("none", or another key type). It is built on the first
 * token to verify: java-jwt's parser brings jackson-databind, which an anonymous reader's request
 * (most of them) never needs, so a cold start that serves one does not load it.
 */
public final class JwtAccessTokens implements AccessTokens {
    private static final String ISSUER = "warta";
    private static final String VERSION_CLAIM = "cv";
    private static final long CLOCK_SKEW_SECONDS = 30;

    private final Algorithm algorithm;
    private final Clock clock;
    private volatile JWTVerifier verifier;

    public JwtAccessTokens(String secret, Clock clock) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalArgumentException("The access token secret must be at least 32 bytes");
        }
        this.algorithm = Algorithm.HMAC256(key);
        this.clock = clock;
    }

    @Override
    public String issue(String accountId, long credentialVersion) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withSubject(accountId)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(LIFETIME))
                .withClaim(VERSION_CLAIM, credentialVersion)
                .sign(algorithm);
    }

    @Override
    public AccessClaims verify(String token) {
        if (token == null || token.isEmpty() || token.length() > 4096) {
            throw new InvalidAccessTokenException();
        }
        try {
            DecodedJWT jwt = verifier().verify(token);
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

    private JWTVerifier verifier() {
        JWTVerifier built = verifier;
        if (built == null) {
            synchronized (this) {
                if (verifier == null) {
                    verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                            .withIssuer(ISSUER)
                            .withClaimPresence(VERSION_CLAIM)
                            .withClaimPresence("sub")
                            .acceptLeeway(CLOCK_SKEW_SECONDS)
                            .acceptExpiresAt(0))
                            .build(clock);
                }
                built = verifier;
            }
        }
        return built;
    }
}
