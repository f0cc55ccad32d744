package id.warta.accounts.oidc;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One provider's public keys, kept in the container for {@link #LIFETIME} and never fetched per
 * request. A token naming a key we do not have triggers an early re-fetch (the provider may have
 * rotated its keys), at most once per {@link #MIN_REFETCH_INTERVAL}, and a failed fetch is not
 * retried sooner either: a flood of tokens with made-up key ids, or an unreachable provider, never
 * turns into a flood of requests to the provider.
 */
public final class CachedJwks implements JWKSource<SecurityContext> {
    public static final Duration LIFETIME = Duration.ofHours(1);
    public static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

    private final URI url;
    private final JwksFetcher fetcher;
    private final Clock clock;
    private JWKSet keys;
    private Instant fetchedAt;
    private Instant lastUnknownKeyRefetch;
    private Instant lastFailure;

    public CachedJwks(URI url, JwksFetcher fetcher, Clock clock) {
        this.url = url;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    @Override
    public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        Instant now = clock.instant();
        boolean justFetched = false;
        if (keys == null || !now.isBefore(fetchedAt.plus(LIFETIME))) {
            fetch(now);
            justFetched = true;
        }
        List<JWK> matches = selector.select(keys);
        if (matches.isEmpty() && !justFetched && !recently(lastUnknownKeyRefetch, now)) {
            lastUnknownKeyRefetch = now;
            fetch(now);
            matches = selector.select(keys);
        }
        return matches;
    }

    private static boolean recently(Instant then, Instant now) {
        return then != null && now.isBefore(then.plus(MIN_REFETCH_INTERVAL));
    }

    private void fetch(Instant now) throws KeySourceException {
        if (recently(lastFailure, now)) {
            throw new KeySourceException("Fetching the JWKS " + url + " failed moments ago; not retrying yet");
        }
        try {
            // Public keys only: a symmetric ("oct") entry could otherwise serve as an HMAC secret.
            keys = fetcher.fetch(url).toPublicJWKSet();
            fetchedAt = now;
            lastFailure = null;
        } catch (IOException | RuntimeException e) {
            lastFailure = now;
            throw new KeySourceException("Cannot fetch the JWKS " + url, e);
        }
    }
}
