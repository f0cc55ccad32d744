package id.warta.http;

import id.warta.reader.Reader;
import id.warta.reader.ReaderAccounts;
import id.warta.identity.AccessClaims;

import java.util.Optional;

/**
 * Resolves who is reading from the request's headers: the bearer token (verified here) and the
 * account it names (the revocation rule is {@link Reader#of}); X-Reader-Id must be a UUID v4, else 400.
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
        return Reader.of(claims, browserId, claims.flatMap(c -> accounts.find(c.accountId())));
    }
}
