package id.warta.accounts.oidc;

/** A provider's keys cannot be had right now: our problem (503), never the reader's token's. */
public final class KeysUnavailableException extends Exception {
    public KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
