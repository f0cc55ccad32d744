package id.warta.errors;

/**
 * The refresh credential opens no session: none was presented, it names none, or its session expired,
 * was signed out, or was ended by a reuse of a rotated credential, a password reset or a sign-out
 * everywhere. The caller must sign in again.
 */
public final class SessionEnded extends DomainException {
    public SessionEnded() {
        super("session ended");
    }
}
