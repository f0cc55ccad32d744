package id.warta.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import id.warta.identity.AccessClaims;
import id.warta.identity.AccessTokens;
import id.warta.identity.InvalidAccessTokenException;
import id.warta.identity.SigningKey;
import id.warta.identity.SigningKeyRing;
import id.warta.identity.SigningKeys;
import id.warta.testing.TestSigningKeys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtAccessTokensTest {
    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    private static final SigningKey K1 = TestSigningKeys.key("k1", SECRET);
    private static final SigningKey K2 = TestSigningKeys.key("k2", "the-second-key-that-is-long-enough-0123456789");
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final AccessTokens tokens = new JwtAccessTokens(SigningKeys.single(K1), CLOCK);

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A ring whose set the test replaces, as a container's refresh would. */
    private static final class Rotating implements SigningKeyRing {
        private SigningKeys set;

        Rotating(SigningKeys set) {
            this.set = set;
        }

        @Override
        public SigningKey signer() {
            return set.signer();
        }

        @Override
        public Optional<SigningKey> verifier(String keyId) {
            return set.verifier(keyId);
        }
    }

    @Test
    void verifiesATokenItIssued() {
        AccessClaims claims = tokens.verify(tokens.issue("acc-1", 3));

        assertThat(claims.accountId()).isEqualTo("acc-1");
        assertThat(claims.credentialVersion()).isEqualTo(3);
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aTokenNamesTheKeyThatSignedIt() {
        Rotating ring = new Rotating(new SigningKeys("k2", List.of(K1, K2)));

        assertThat(JWT.decode(new JwtAccessTokens(ring, CLOCK).issue("acc-1", 0)).getKeyId()).isEqualTo("k2");
    }

    @Test
    void aRotationKeepsTheOldKeysTokensValidUntilTheOldKeyIsRetired() {
        Rotating ring = new Rotating(SigningKeys.single(K1));
        AccessTokens rotating = new JwtAccessTokens(ring, CLOCK);
        String signedWithK1 = rotating.issue("acc-1", 0);

        ring.set = new SigningKeys("k1", List.of(K1, K2));
        assertThat(rotating.verify(signedWithK1).accountId()).isEqualTo("acc-1");
        ring.set = new SigningKeys("k2", List.of(K1, K2));
        String signedWithK2 = rotating.issue("acc-2", 0);
        assertThat(rotating.verify(signedWithK1).accountId()).isEqualTo("acc-1");
        assertThat(rotating.verify(signedWithK2).accountId()).isEqualTo("acc-2");

        ring.set = SigningKeys.single(K2);
        assertThatThrownBy(() -> rotating.verify(signedWithK1)).isInstanceOf(InvalidAccessTokenException.class);
        assertThat(rotating.verify(signedWithK2).accountId()).isEqualTo("acc-2");
    }

    @Test
    void aKeyReplacedUnderItsIdNoLongerVerifiesItsTokens() {
        Rotating ring = new Rotating(SigningKeys.single(K1));
        AccessTokens replaced = new JwtAccessTokens(ring, CLOCK);
        String token = replaced.issue("acc-1", 0);
        replaced.verify(token);

        ring.set = SigningKeys.single(TestSigningKeys.key("k1", "another-material-under-the-same-id-0123456789"));

        assertThatThrownBy(() -> replaced.verify(token)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void rejectsATokenNamingAnUnknownKeyOrNone() {
        Algorithm ourKey = Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8));
        String unknownKid = JWT.create().withKeyId("k9").withIssuer("warta").withSubject("acc-1").withIssuedAt(NOW)
                .withExpiresAt(NOW.plusSeconds(600)).withClaim("cv", 0L).sign(ourKey);
        String noKid = JWT.create().withIssuer("warta").withSubject("acc-1").withIssuedAt(NOW)
                .withExpiresAt(NOW.plusSeconds(600)).withClaim("cv", 0L).sign(ourKey);

        assertThatThrownBy(() -> tokens.verify(unknownKid)).isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> tokens.verify(noKid)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void aKeySetThatCannotBeReadFailsTheRequestInsteadOfRefusingTheToken() {
        String token = tokens.issue("acc-1", 0);
        SigningKeyRing unreadable = new SigningKeyRing() {
            @Override
            public SigningKey signer() {
                throw new IllegalStateException("The access-token key set is not valid");
            }

            @Override
            public Optional<SigningKey> verifier(String keyId) {
                throw new IllegalStateException("The access-token key set is not valid");
            }
        };
        AccessTokens broken = new JwtAccessTokens(unreadable, CLOCK);

        assertThatThrownBy(() -> broken.verify(token)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> broken.issue("acc-1", 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsAnExpiredToken() {
        String token = tokens.issue("acc-1", 0);
        AccessTokens later = new JwtAccessTokens(SigningKeys.single(K1), Clock.fixed(NOW.plus(Duration.ofMinutes(16)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(token)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void rejectsATokenSignedWithAnotherKeyUnderTheSameId() {
        String forged = new JwtAccessTokens(TestSigningKeys.single("another-secret-that-is-long-enough-987654321"), CLOCK)
                .issue("acc-1", 0);

        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void rejectsUnsignedAndMalformedTokens() {
        String payload = base64("{\"iss\":\"warta\",\"sub\":\"acc-1\",\"cv\":0,\"iat\":" + NOW.getEpochSecond()
                + ",\"exp\":" + (NOW.getEpochSecond() + 600) + "}");
        String algNone = base64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"k1\"}") + "." + payload + ".";

        for (String token : new String[] {algNone, "", "abc", "a.b.c", tokens.issue("acc-1", 0) + "x"}) {
            assertThatThrownBy(() -> tokens.verify(token)).as(token).isInstanceOf(InvalidAccessTokenException.class);
        }
    }

    @Test
    void rejectsATokenFromAnotherIssuerOrWithoutCredentialVersion() {
        Algorithm ourKey = Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8));
        String otherIssuer = JWT.create().withKeyId("k1").withIssuer("someone-else").withSubject("acc-1").withIssuedAt(NOW)
                .withExpiresAt(NOW.plusSeconds(600)).withClaim("cv", 0L).sign(ourKey);
        String noVersion = JWT.create().withKeyId("k1").withIssuer("warta").withSubject("acc-1").withIssuedAt(NOW)
                .withExpiresAt(NOW.plusSeconds(600)).sign(ourKey);

        assertThatThrownBy(() -> tokens.verify(otherIssuer)).isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> tokens.verify(noVersion)).isInstanceOf(InvalidAccessTokenException.class);
    }
}
