package id.warta.errors;

/** An emailed one-time link is unknown, used, superseded or expired. */
public final class TokenInvalid extends DomainException {
    public TokenInvalid() {
        super("token invalid");
    }
}
