package id.warta.identity;

/** A bearer token that is malformed, forged, expired or revoked. */
public final class InvalidAccessTokenException extends RuntimeException {
    public InvalidAccessTokenException() {
        super("invalid access token", null, false, false);
    }
}
