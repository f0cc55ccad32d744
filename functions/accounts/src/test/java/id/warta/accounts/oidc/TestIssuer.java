package id.warta.accounts.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID provider in memory for unit tests: one signing key at a time, its JWKS served from memory.
 * It signs with Nimbus JOSE+JWT, a JOSE implementation independent of the one under test.
 */
public final class TestIssuer {
    public static final String ISSUER = "https://issuer.test";
    public static final String CLIENT_ID = "warta-web";
    public static final URI JWKS_URL = URI.create("https://issuer.test/jwks");

    private final AtomicInteger fetches = new AtomicInteger();
    private volatile RSAKey signingKey = newKey();
    private volatile boolean reachable = true;

    public static OidcProvider provider(String name, boolean emailVerifiedByDefault) {
        return new OidcProvider(name, Set.of(ISSUER), List.of(JWKS_URL), Set.of(CLIENT_ID), Set.of("RS256"), emailVerifiedByDefault);
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves the current public key, counting fetches; fails while the issuer is unreachable. */
    public JwksFetcher fetcher() {
        return url -> {
            fetches.incrementAndGet();
            if (!reachable) {
                throw new java.io.IOException("connection refused");
            }
            return new JWKSet(signingKey.toPublicJWK()).toString();
        };
    }

    public int fetches() {
        return fetches.get();
    }

    public void reachable(boolean reachable) {
        this.reachable = reachable;
    }

    /** Replaces the signing key; the old key disappears from the JWKS. */
    public void rotate() {
        signingKey = newKey();
    }

    /** The claims of a valid ID token for this address, issued at {@code now}. */
    public JWTClaimsSet.Builder claims(String email, String nonce, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT_ID)
                .subject("sub-" + email)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("email", email)
                .claim("email_verified", true)
                .claim("nonce", nonce);
    }

    public String sign(JWTClaimsSet claims) {
        return signWith(signingKey, claims);
    }

    public String signWith(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAKey signingKey() {
        return signingKey;
    }
}
