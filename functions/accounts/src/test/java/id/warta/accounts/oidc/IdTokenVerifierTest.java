package id.warta.accounts.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import id.warta.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every check of an ID token, against an issuer whose keys are served from memory. */
class IdTokenVerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");
    private static final String EMAIL = "sari@example.id";
    private static final String NONCE = "n-0S6_WzA2Mj";

    private final MutableClock clock = new MutableClock(NOW);
    private final TestIssuer issuer = new TestIssuer();
    private final IdTokenVerifier verifier = verifier(false);

    private IdTokenVerifier verifier(boolean emailVerifiedByDefault) {
        return new IdTokenVerifier(TestIssuer.provider("google", emailVerifiedByDefault),
                new CachedJwks(List.of(TestIssuer.JWKS_URL), issuer.fetcher(), clock), clock);
    }

    private JWTClaimsSet.Builder claims() {
        return issuer.claims(EMAIL, NONCE, NOW);
    }

    private Optional<ProviderIdentity> verify(String token) throws KeysUnavailableException {
        return verifier.verify(token, NONCE);
    }

    @Test
    void aValidTokenGivesTheProviderIdentity() throws Exception {
        Optional<ProviderIdentity> identity = verify(issuer.sign(claims().claim("name", "Sari Dewi").build()));

        assertThat(identity).contains(new ProviderIdentity("google", "sub-" + EMAIL, EMAIL, true, "Sari Dewi",
                NOW.plus(Duration.ofHours(1)).plusSeconds(IdTokenVerifier.MAX_CLOCK_SKEW_SECONDS)));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertThat(verify(issuer.sign(claims().audience("someone-elses-app").build()))).isEmpty();
    }

    @Test
    void aTokenThatAlsoNamesAnUntrustedAudienceIsRefused() throws Exception {
        assertThat(verify(issuer.sign(claims().audience(List.of(TestIssuer.CLIENT_ID, "someone-elses-app")).build()))).isEmpty();
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        assertThat(verify(issuer.sign(claims().issuer("https://evil.example").build()))).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefusedBeyondTheClockSkew() throws Exception {
        String token = issuer.sign(claims().expirationTime(Date.from(NOW.plusSeconds(10))).build());

        clock.advance(Duration.ofSeconds(10 + IdTokenVerifier.MAX_CLOCK_SKEW_SECONDS - 1));
        assertThat(verify(token)).isPresent();
        clock.advance(Duration.ofSeconds(2));
        assertThat(verify(token)).isEmpty();
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedBeyondTheClockSkew() throws Exception {
        Instant later = NOW.plusSeconds(IdTokenVerifier.MAX_CLOCK_SKEW_SECONDS + 5);
        assertThat(verify(issuer.sign(claims().issueTime(Date.from(later)).build()))).isEmpty();
        assertThat(verify(issuer.sign(claims().issueTime(Date.from(NOW.plusSeconds(30))).build()))).isPresent();
    }

    @Test
    void aTokenSignedByAnotherKeyUnderAPublishedKeyIdIsRefused() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(issuer.signingKey().getKeyID()).generate();

        assertThat(verify(issuer.signWith(impostor, claims().build()))).isEmpty();
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String[] parts = issuer.sign(claims().build()).split("\\.");
        String otherClaims = issuer.sign(claims().claim("email", "mallory@example.id").build()).split("\\.")[1];

        assertThat(verify(parts[0] + "." + otherClaims + "." + parts[2])).isEmpty();
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        assertThat(verify(new PlainJWT(claims().build()).serialize())).isEmpty();
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issuer.signingKey().getKeyID()).build(),
                claims().build());
        forged.sign(new MACSigner(issuer.signingKey().toPublicJWK().toRSAPublicKey().getEncoded()));

        assertThat(verify(forged.serialize())).isEmpty();
    }

    @Test
    void theNonceMustBePresentAndEqualTheRequestNonce() throws Exception {
        String token = issuer.sign(claims().build());

        assertThat(verifier.verify(token, "another-nonce")).isEmpty();
        assertThat(verify(issuer.sign(claims().claim("nonce", null).build()))).isEmpty();
        assertThat(verify(token)).isPresent();
    }

    @Test
    void aTokenWithoutASubjectIsRefused() throws Exception {
        assertThat(verify(issuer.sign(claims().subject(null).build()))).isEmpty();
    }

    @Test
    void malformedTokensAreRefused() throws Exception {
        for (String token : List.of("", "not-a-jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln")) {
            assertThat(verify(token)).as(token).isEmpty();
        }
    }

    @Test
    void emailVerifiedMayBeTheStringTrueAsAppleSendsIt() throws Exception {
        assertThat(verify(issuer.sign(claims().claim("email_verified", "true").build())).orElseThrow().emailVerified()).isTrue();
        assertThat(verify(issuer.sign(claims().claim("email_verified", "false").build())).orElseThrow().emailVerified()).isFalse();
        assertThat(verify(issuer.sign(claims().claim("email_verified", false).build())).orElseThrow().emailVerified()).isFalse();
    }

    @Test
    void withoutAnEmailVerifiedClaimTheProviderDefaultApplies() throws Exception {
        String token = issuer.sign(claims().claim("email_verified", null).build());

        assertThat(verifier.verify(token, NONCE).orElseThrow().emailVerified()).isFalse();
        assertThat(verifier(true).verify(token, NONCE).orElseThrow().emailVerified()).isTrue();
    }

    @Test
    void aProviderSigningWithEs256IsVerifiedWithItsEcKey() throws Exception {
        ECKey ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        OidcProvider provider = new OidcProvider("ec", Set.of(TestIssuer.ISSUER), List.of(TestIssuer.JWKS_URL),
                Set.of(TestIssuer.CLIENT_ID), Set.of("ES256"), false);
        IdTokenVerifier ecVerifier = new IdTokenVerifier(provider,
                new CachedJwks(List.of(TestIssuer.JWKS_URL), url -> new JWKSet(ecKey.toPublicJWK()).toString(), clock), clock);
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), claims().build());
        token.sign(new ECDSASigner(ecKey));

        assertThat(ecVerifier.verify(token.serialize(), NONCE)).isPresent();
        assertThat(ecVerifier.verify(issuer.sign(claims().build()), NONCE)).as("RS256 is not this provider's").isEmpty();
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesIt() throws Exception {
        assertThat(verify(issuer.sign(claims().build()))).isPresent();
        String oldKeyToken = issuer.sign(claims().build());
        issuer.rotate();
        clock.advance(Duration.ofSeconds(1));

        assertThat(verify(issuer.sign(claims().build()))).isPresent();
        assertThat(issuer.fetches()).isEqualTo(2);
        assertThat(verify(oldKeyToken)).as("the retired key is gone").isEmpty();
    }

    @Test
    void anUnreachableKeySetIsTheServersProblemNotAnInvalidToken() {
        issuer.reachable(false);

        assertThatThrownBy(() -> verify(issuer.sign(claims().build()))).isInstanceOf(KeysUnavailableException.class);
    }

    @Test
    void keysAreNotFetchedPerToken() throws KeysUnavailableException {
        for (int i = 0; i < 5; i++) {
            assertThat(verify(issuer.sign(claims().build()))).isPresent();
        }
        assertThat(issuer.fetches()).isEqualTo(1);
    }
}
