package id.warta.identity;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Short-lived HS256 bearer tokens. The verifier is bound to HS256 and our secret, so a token cannot
 * choose its own algorithm ("none", or another key type). The credential version lets a password
 * reset revoke every older token.
 */
public final class AccessTokens {
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final String ISSUER = "warta";
    private static final String VERSION_CLAIM = "cv";
    private static final long CLOCK_SKEW_SECONDS = 30;

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Clock clock;

    public AccessTokens(String secret, Clock clock) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalArgumentException("The access token secret must be at least 32 bytes");
        }
        this.algorithm = Algorithm.HMAC256(key);
        this.clock = clock;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withClaimPresence(VERSION_CLAIM)
                .withClaimPresence("sub")
                .acceptLeeway(CLOCK_SKEW_SECONDS)
                .acceptExpiresAt(0))
                .build(clock);
    }

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

    public AccessClaims verify(String token) {
        if (token == null || token.isEmpty() || token.length() > 4096) {
            throw new InvalidAccessTokenException();
        }
        try {
            DecodedJWT jwt = verifier.verify(token);
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
}
