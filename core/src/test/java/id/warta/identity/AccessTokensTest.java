package id.warta.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokensTest {
    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");

    private final AccessTokens tokens = new AccessTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void verifiesATokenItIssued() {
        AccessClaims claims = tokens.verify(tokens.issue("acc-1", 3));

        assertThat(claims.accountId()).isEqualTo("acc-1");
        assertThat(claims.credentialVersion()).isEqualTo(3);
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void rejectsAnExpiredToken() {
        String token = tokens.issue("acc-1", 0);
        AccessTokens later = new AccessTokens(SECRET, Clock.fixed(NOW.plus(Duration.ofMinutes(61)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(token)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void rejectsATokenSignedWithAnotherSecret() {
        String forged = new AccessTokens("another-secret-that-is-long-enough-987654321", Clock.fixed(NOW, ZoneOffset.UTC))
                .issue("acc-1", 0);

        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void rejectsUnsignedAndMalformedTokens() {
        String none = new PlainJWT(new JWTClaimsSet.Builder().issuer("warta").subject("acc-1")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(600))).claim("cv", 0).build()).serialize();

        for (String token : new String[] {none, "", "abc", "a.b.c", tokens.issue("acc-1", 0) + "x"}) {
            assertThatThrownBy(() -> tokens.verify(token)).as(token).isInstanceOf(InvalidAccessTokenException.class);
        }
    }

    @Test
    void rejectsATokenFromAnotherIssuer() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().issuer("someone-else")
                .subject("acc-1").issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(600))).claim("cv", 0).build());
        jwt.sign(new MACSigner(SECRET.getBytes()));

        assertThatThrownBy(() -> tokens.verify(jwt.serialize())).isInstanceOf(InvalidAccessTokenException.class);
    }
}
