package id.warta.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import id.warta.identity.AccessClaims;
import id.warta.identity.AccessTokens;
import id.warta.identity.InvalidAccessTokenException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtAccessTokensTest {
    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");

    private final AccessTokens tokens = new JwtAccessTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void verifiesATokenItIssued() {
        AccessClaims claims = tokens.verify(tokens.issue("acc-1", 3));

        assertThat(claims.accountId()).isEqualTo("acc-1");
        assertThat(claims.credentialVersion()).isEqualTo(3);
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void rejectsAnExpiredToken() {
        String token = tokens.issue("acc-1", 0);
        AccessTokens later = new JwtAccessTokens(SECRET, Clock.fixed(NOW.plus(Duration.ofMinutes(16)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(token)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void rejectsATokenSignedWithAnotherSecret() {
        String forged = new JwtAccessTokens("another-secret-that-is-long-enough-987654321", Clock.fixed(NOW, ZoneOffset.UTC))
                .issue("acc-1", 0);

        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void rejectsUnsignedAndMalformedTokens() {
        String payload = base64("{\"iss\":\"warta\",\"sub\":\"acc-1\",\"cv\":0,\"iat\":" + NOW.getEpochSecond()
                + ",\"exp\":" + (NOW.getEpochSecond() + 600) + "}");
        String algNone = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";

        for (String token : new String[] {algNone, "", "abc", "a.b.c", tokens.issue("acc-1", 0) + "x"}) {
            assertThatThrownBy(() -> tokens.verify(token)).as(token).isInstanceOf(InvalidAccessTokenException.class);
        }
    }

    @Test
    void rejectsATokenFromAnotherIssuerOrWithoutCredentialVersion() {
        Algorithm ourKey = Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8));
        String otherIssuer = JWT.create().withIssuer("someone-else").withSubject("acc-1").withIssuedAt(NOW)
                .withExpiresAt(NOW.plusSeconds(600)).withClaim("cv", 0L).sign(ourKey);
        String noVersion = JWT.create().withIssuer("warta").withSubject("acc-1").withIssuedAt(NOW)
                .withExpiresAt(NOW.plusSeconds(600)).sign(ourKey);

        assertThatThrownBy(() -> tokens.verify(otherIssuer)).isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> tokens.verify(noVersion)).isInstanceOf(InvalidAccessTokenException.class);
    }
}
