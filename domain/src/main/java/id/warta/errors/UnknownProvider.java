package id.warta.errors;

/** No sign-in provider of this name is configured. */
public final class UnknownProvider extends DomainException {
    public UnknownProvider() {
        super("unknown provider");
    }
}
