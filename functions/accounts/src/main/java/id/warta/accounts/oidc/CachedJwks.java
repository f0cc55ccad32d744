package id.warta.accounts.oidc;

import java.io.IOException;
import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One provider's public keys, from each of its key set addresses (Facebook publishes its web sign-in's
 * and its apps' Limited Login keys apart), kept in the container for {@link #LIFETIME} and never
 * fetched per request. A token naming a key we do not have triggers an early re-fetch (the provider
 * may have rotated its keys), at most once per {@link #MIN_REFETCH_INTERVAL}, and a failed fetch is
 * not retried sooner either: a flood of tokens with made-up key ids, or an unreachable provider,
 * never turns into a flood of requests to the provider. A fetch that reads some of the addresses
 * keeps their keys; one that reads none fails.
 */
public final class CachedJwks {
    public static final Duration LIFETIME = Duration.ofHours(1);
    public static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

    private final List<URI> urls;
    private final JwksFetcher fetcher;
    private final Clock clock;
    private JsonWebKeys keys;
    private Instant fetchedAt;
    private Instant lastUnknownKeyRefetch;
    private Instant lastFailure;

    public CachedJwks(List<URI> urls, JwksFetcher fetcher, Clock clock) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("A provider publishes its keys somewhere");
        }
        this.urls = List.copyOf(urls);
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** @return empty when the provider does not publish that key id (even after a permitted re-fetch) */
    public synchronized Optional<PublicKey> key(String keyId) throws KeysUnavailableException {
        Instant now = clock.instant();
        boolean justFetched = false;
        if (keys == null || !now.isBefore(fetchedAt.plus(LIFETIME))) {
            fetch(now);
            justFetched = true;
        }
        Optional<PublicKey> key = keys.find(keyId);
        if (key.isEmpty() && !justFetched && !recently(lastUnknownKeyRefetch, now)) {
            lastUnknownKeyRefetch = now;
            fetch(now);
            key = keys.find(keyId);
        }
        return key;
    }

    private static boolean recently(Instant then, Instant now) {
        return then != null && now.isBefore(then.plus(MIN_REFETCH_INTERVAL));
    }

    private void fetch(Instant now) throws KeysUnavailableException {
        if (recently(lastFailure, now)) {
            throw new KeysUnavailableException("Fetching the JWKS " + urls + " failed moments ago; not retrying yet", null);
        }
        List<JsonWebKeys> fetched = new ArrayList<>();
        Exception failure = null;
        for (URI url : urls) {
            try {
                fetched.add(JsonWebKeys.parse(fetcher.fetch(url)));
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }
        if (fetched.isEmpty()) {
            lastFailure = now;
            throw new KeysUnavailableException("Cannot fetch the JWKS " + urls, failure);
        }
        keys = JsonWebKeys.union(fetched);
        fetchedAt = now;
        lastFailure = null;
    }
}
