package id.warta.http;

import id.warta.accounts.ReaderAccount;
import id.warta.activity.ReaderKey;

import java.util.Optional;

/** The reader of one request: a signed-in account (verified and current), and/or an anonymous browser id. */
public record Reader(Optional<ReaderAccount> account, Optional<String> browserId) {

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
