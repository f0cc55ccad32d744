package id.warta.errors;

/** The email and password do not name an account (never saying which of the two is wrong). */
public final class WrongCredentials extends DomainException {
    public WrongCredentials() {
        super("wrong credentials");
    }
}
