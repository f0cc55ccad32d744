package id.warta.reader;

import java.util.Optional;

/** Looks up the paywall-relevant state of an account (read-only: the accounts function owns writes). */
public interface ReaderAccounts {
    Optional<ReaderAccount> find(String accountId);
}
