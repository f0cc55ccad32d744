package id.warta.errors;

/** The caller must sign in (again): no valid access token, or one whose account is gone or whose credentials changed since it was issued. */
public final class SignInRequired extends DomainException {
    public SignInRequired() {
        super("sign in required");
    }
}
