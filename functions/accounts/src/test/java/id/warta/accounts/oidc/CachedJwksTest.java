package id.warta.accounts.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import id.warta.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key cache: bounded lifetime, a limited re-fetch for unknown key ids, and backing off after failures. */
class CachedJwksTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T03:15:00Z"));
    private final TestIssuer issuer = new TestIssuer();
    private final CachedJwks jwks = new CachedJwks(List.of(TestIssuer.JWKS_URL), issuer.fetcher(), clock);

    private boolean hasCurrentKey() throws KeysUnavailableException {
        return jwks.key(issuer.signingKey().getKeyID()).isPresent();
    }

    @Test
    void keysAreKeptForTheirLifetimeThenFetchedAgain() throws Exception {
        assertThat(hasCurrentKey()).isTrue();
        clock.advance(CachedJwks.LIFETIME.minusSeconds(1));
        assertThat(hasCurrentKey()).isTrue();
        assertThat(issuer.fetches()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(hasCurrentKey()).isTrue();
        assertThat(issuer.fetches()).isEqualTo(2);
    }

    @Test
    void unknownKeyIdsRefetchAtMostOncePerInterval() throws Exception {
        assertThat(hasCurrentKey()).isTrue();
        issuer.rotate();
        assertThat(hasCurrentKey()).as("refetched for the new key id").isTrue();

        issuer.rotate();
        clock.advance(CachedJwks.MIN_REFETCH_INTERVAL.minusSeconds(1));
        assertThat(hasCurrentKey()).as("too soon for another refetch").isFalse();
        assertThat(jwks.key("made-up")).isEmpty();
        assertThat(issuer.fetches()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(hasCurrentKey()).isTrue();
        assertThat(issuer.fetches()).isEqualTo(3);
    }

    @Test
    void aFailedFetchIsNotRetriedWithinTheInterval() throws Exception {
        issuer.reachable(false);
        assertThatThrownBy(this::hasCurrentKey).isInstanceOf(KeysUnavailableException.class);
        issuer.reachable(true);
        assertThatThrownBy(this::hasCurrentKey).isInstanceOf(KeysUnavailableException.class);
        assertThat(issuer.fetches()).isEqualTo(1);

        clock.advance(CachedJwks.MIN_REFETCH_INTERVAL);
        assertThat(hasCurrentKey()).isTrue();
        assertThat(issuer.fetches()).isEqualTo(2);
    }

    @Test
    void aDocumentThatIsNoKeySetIsUnavailableKeys() {
        CachedJwks broken = new CachedJwks(List.of(TestIssuer.JWKS_URL), url -> "<html>maintenance</html>", clock);

        assertThatThrownBy(() -> broken.key("any")).isInstanceOf(KeysUnavailableException.class);
    }

    @Test
    void symmetricAndEncryptionKeysInTheSetAreNeverUsed() throws Exception {
        String withSecret = new JWKSet(new OctetSequenceKeyGenerator(256).keyID("shared").generate()).toString(false);
        String encryptionKey = """
                {"keys": [{"kty": "RSA", "use": "enc", "kid": "enc-1", "e": "AQAB", "n": "%s"}]}"""
                .formatted(issuer.signingKey().getModulus().toString());
        CachedJwks jwksWithSecret = new CachedJwks(List.of(TestIssuer.JWKS_URL), url -> withSecret, clock);
        CachedJwks jwksWithEncryptionKey = new CachedJwks(List.of(TestIssuer.JWKS_URL), url -> encryptionKey, clock);

        assertThat(withSecret).contains("\"k\"");
        assertThat(jwksWithSecret.key("shared")).isEmpty();
        assertThat(jwksWithEncryptionKey.key("enc-1")).isEmpty();
    }

    @Test
    void keysFromEveryAddressAreFoundAndAnAddressThatFailsLeavesTheOthersKeys() throws Exception {
        TestIssuer limited = new TestIssuer();
        URI web = URI.create("https://www.facebook.test/jwks");
        URI apps = URI.create("https://limited.facebook.test/jwks");
        CachedJwks both = new CachedJwks(List.of(web, apps), url -> url.equals(web) ? issuer.fetcher().fetch(url)
                : limited.fetcher().fetch(url), clock);

        assertThat(both.key(issuer.signingKey().getKeyID())).isPresent();
        assertThat(both.key(limited.signingKey().getKeyID())).isPresent();

        limited.reachable(false);
        clock.advance(CachedJwks.LIFETIME);
        assertThat(both.key(issuer.signingKey().getKeyID())).as("the other address still answers").isPresent();
        issuer.reachable(false);
        clock.advance(CachedJwks.LIFETIME);
        assertThatThrownBy(() -> both.key(issuer.signingKey().getKeyID())).isInstanceOf(KeysUnavailableException.class);
    }
}
