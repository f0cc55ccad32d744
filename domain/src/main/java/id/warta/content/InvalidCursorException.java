package id.warta.content;

/** A pagination cursor that this service did not issue (or that was altered). */
public final class InvalidCursorException extends RuntimeException {
    public InvalidCursorException() {
        super("invalid cursor", null, false, false);
    }
}
