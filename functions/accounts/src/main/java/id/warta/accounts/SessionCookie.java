package id.warta.accounts;

import id.warta.http.ApiRequest;
import id.warta.sessions.SignedIn;

import java.util.Optional;

/**
 * The {@code warta_session} cookie that carries a session's refresh credential (api.md, Sessions):
 * out of scripts' reach (HttpOnly), HTTPS only (browsers count http://localhost as secure), never
 * sent on a cross-site request (SameSite=Strict), and only to the /auth routes. It outlives the
 * browser only for a remembered session ({@code Max-Age}).
 */
final class SessionCookie {
    static final String NAME = "warta_session";
    private static final String ATTRIBUTES = "; HttpOnly; Secure; SameSite=Strict; Path=/auth";
    /** Tells the browser to drop the cookie. */
    static final String CLEARED = NAME + "=" + ATTRIBUTES + "; Max-Age=0";

    private SessionCookie() {
    }

    /** The Set-Cookie value that hands the reader the session's current credential. */
    static String of(SignedIn signedIn) {
        return NAME + "=" + signedIn.credential().value() + ATTRIBUTES
                + signedIn.cookieLifetime().map(lifetime -> "; Max-Age=" + lifetime.toSeconds()).orElse("");
    }

    /** The credential the request's cookie carries, if any. */
    static Optional<String> presentedBy(ApiRequest request) {
        return request.cookie(NAME);
    }
}
