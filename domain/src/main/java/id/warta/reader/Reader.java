package id.warta.reader;

import id.warta.errors.SignInRequired;
import id.warta.identity.AccessClaims;

import java.util.Optional;

/** The reader of one request: a signed-in account (verified and current), and/or an anonymous browser id. */
public record Reader(Optional<ReaderAccount> account, Optional<String> browserId) {

    /**
     * The reader of a request with these verified token claims (if any) and the account the token
     * names, as loaded: a token whose account is gone, or whose credentials changed (a password reset)
     * since it was issued, is revoked, and the caller must sign in again.
     */
    public static Reader of(Optional<AccessClaims> claims, Optional<String> browserId, Optional<ReaderAccount> found) {
        if (claims.isEmpty()) {
            return new Reader(Optional.empty(), browserId);
        }
        ReaderAccount account = found
                .filter(a -> a.id().equals(claims.get().accountId()))
                .filter(a -> a.credentialVersion() == claims.get().credentialVersion())
                .orElseThrow(SignInRequired::new);
        return new Reader(Optional.of(account), browserId);
    }

    public boolean signedIn() {
        return account.isPresent();
    }

    /** The key views and history are recorded under: the account when signed in, else the browser. */
    public ReaderKey key() {
        return account.map(a -> ReaderKey.account(a.id()))
                .or(() -> browserId.map(ReaderKey::browser))
                .orElse(ReaderKey.ANONYMOUS);
    }
}
