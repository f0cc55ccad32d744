package id.warta.accounts.oidc;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import id.warta.accounts.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key cache: bounded lifetime, a limited re-fetch for unknown key ids, and backing off after failures. */
class CachedJwksTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T03:15:00Z"));
    private final TestIssuer issuer = new TestIssuer();
    private final CachedJwks jwks = new CachedJwks(TestIssuer.JWKS_URL, issuer.fetcher(), clock);

    private boolean hasCurrentKey() throws KeySourceException {
        return !jwks.get(new JWKSelector(new JWKMatcher.Builder().keyID(issuer.signingKey().getKeyID()).build()), null).isEmpty();
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
        assertThat(issuer.fetches()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(hasCurrentKey()).isTrue();
        assertThat(issuer.fetches()).isEqualTo(3);
    }

    @Test
    void aFailedFetchIsNotRetriedWithinTheInterval() throws Exception {
        issuer.reachable(false);
        assertThatThrownBy(this::hasCurrentKey).isInstanceOf(KeySourceException.class);
        issuer.reachable(true);
        assertThatThrownBy(this::hasCurrentKey).isInstanceOf(KeySourceException.class);
        assertThat(issuer.fetches()).isEqualTo(1);

        clock.advance(CachedJwks.MIN_REFETCH_INTERVAL);
        assertThat(hasCurrentKey()).isTrue();
        assertThat(issuer.fetches()).isEqualTo(2);
    }

    @Test
    void symmetricKeysInTheSetAreNeverUsed() throws Exception {
        OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).keyID("shared").generate();
        CachedJwks withSecret = new CachedJwks(TestIssuer.JWKS_URL, url -> new JWKSet(secret), clock);

        assertThat(withSecret.get(new JWKSelector(new JWKMatcher.Builder().keyID("shared").build()), null)).isEmpty();
    }
}
