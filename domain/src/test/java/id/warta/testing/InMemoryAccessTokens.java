package id.warta.testing;

import id.warta.identity.AccessClaims;
import id.warta.identity.AccessTokens;
import id.warta.identity.InvalidAccessTokenException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for the domain's tests: what each token says is kept in memory under a random
 * token, so the rules that issue and check tokens are tested without the JWT adapter of the HTTP module.
 */
public final class InMemoryAccessTokens implements AccessTokens {
    private final Map<String, AccessClaims> issued = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryAccessTokens(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String issue(String accountId, long credentialVersion) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        issued.put(token, new AccessClaims(accountId, credentialVersion, now, now.plus(LIFETIME)));
        return token;
    }

    @Override
    public AccessClaims verify(String token) {
        AccessClaims claims = token == null ? null : issued.get(token);
        if (claims == null || !clock.instant().isBefore(claims.expiresAt())) {
            throw new InvalidAccessTokenException();
        }
        return claims;
    }
}
