package id.warta.http;

import id.warta.accounts.ReaderAccount;
import id.warta.accounts.ReaderAccounts;
import id.warta.identity.AccessClaims;

import java.util.Optional;

/**
 * Resolves who is reading: a bearer token must verify and still match its account (which exists and
 * has not reset its password since the token was issued), else 401; X-Reader-Id must be a UUID v4,
 * else 400.
 */
public final class ReaderResolver {
    private final ReaderIdentity identity;
    private final ReaderAccounts accounts;

    public ReaderResolver(ReaderIdentity identity, ReaderAccounts accounts) {
        this.identity = identity;
        this.accounts = accounts;
    }

    public Reader resolve(ApiRequest request) {
        Optional<String> browserId = ReaderIdentity.readerId(request);
        Optional<AccessClaims> claims = identity.bearer(request);
        return reader(claims, browserId, claims.flatMap(c -> accounts.find(c.accountId())));
    }

    /**
     * The reader, given the account the token names as already loaded (routes that fetch it together
     * with other items in one round trip): a token whose account is gone or whose credentials have
     * changed since it was issued is 401.
     */
    public static Reader reader(Optional<AccessClaims> claims, Optional<String> browserId, Optional<ReaderAccount> found) {
        if (claims.isEmpty()) {
            return new Reader(Optional.empty(), browserId);
        }
        ReaderAccount account = found
                .filter(a -> a.id().equals(claims.get().accountId()))
                .filter(a -> a.credentialVersion() == claims.get().credentialVersion())
                .orElseThrow(ReaderIdentity::unauthorized);
        return new Reader(Optional.of(account), browserId);
    }
}
