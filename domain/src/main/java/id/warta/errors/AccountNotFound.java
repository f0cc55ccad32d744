package id.warta.errors;

/** No account has this id. */
public final class AccountNotFound extends DomainException {
    public AccountNotFound() {
        super("account not found");
    }
}
