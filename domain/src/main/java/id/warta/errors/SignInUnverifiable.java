package id.warta.errors;

/** An identity provider's ID token could not be verified for this sign-in. */
public final class SignInUnverifiable extends DomainException {
    public SignInUnverifiable() {
        super("sign in unverifiable");
    }
}
