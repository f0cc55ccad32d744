package id.warta.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Short-lived HS256 bearer tokens. Only HS256 is accepted (never "none", never another algorithm
 * chosen by the token). The credential version lets a password reset revoke older tokens.
 */
public final class AccessTokens {
    public static final Duration LIFETIME = Duration.ofHours(1);
    private static final String ISSUER = "warta";
    private static final String VERSION_CLAIM = "cv";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;

    public AccessTokens(String secret, Clock clock) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalArgumentException("The access token secret must be at least 32 bytes");
        }
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Unusable access token secret", e);
        }
        this.clock = clock;
    }

    public String issue(String accountId, long credentialVersion) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(accountId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim(VERSION_CLAIM, credentialVersion)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing failed", e);
        }
        return jwt.serialize();
    }

    public AccessClaims verify(String token) {
        if (token == null || token.length() > 4096) {
            throw new InvalidAccessTokenException();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw new InvalidAccessTokenException();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Date expires = claims.getExpirationTime();
            Date issued = claims.getIssueTime();
            Object version = claims.getClaim(VERSION_CLAIM);
            if (!ISSUER.equals(claims.getIssuer()) || claims.getSubject() == null || expires == null || issued == null
                    || !(version instanceof Number number)
                    || !now.isBefore(expires.toInstant())
                    || issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
                throw new InvalidAccessTokenException();
            }
            return new AccessClaims(claims.getSubject(), number.longValue(), issued.toInstant(), expires.toInstant());
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw new InvalidAccessTokenException();
        }
    }
}
