package id.warta.errors;

/** A conditional write (If-Match) named a version that is not the stored one: nothing was changed. */
public final class PreconditionFailed extends DomainException {
    public PreconditionFailed() {
        super("precondition failed");
    }
}
