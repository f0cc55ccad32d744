package id.warta.accounts;

import id.warta.membership.AccountService;
import id.warta.membership.ClientNetwork;
import id.warta.membership.MailRequest;

import id.warta.errors.SessionEnded;
import id.warta.errors.SignInRequired;
import id.warta.http.ApiRequest;
import id.warta.http.ApiResponse;
import id.warta.http.CachePolicy;
import id.warta.http.DomainErrors;
import id.warta.http.ReaderResolver;
import id.warta.mail.MailLanguage;
import id.warta.reader.ReaderAccount;
import id.warta.sessions.Sessions;
import id.warta.sessions.SignedIn;

import java.time.Instant;
import java.util.Map;

/** The account routes: read the request's fields, call the domain, shape the contract's answer. */
final class AccountRoutes {
    private static final int MAX_ID_TOKEN_LENGTH = 16 * 1024;
    private static final int MAX_NONCE_LENGTH = 512;

    private final AccountService accounts;
    private final SocialSignIn socialSignIn;
    private final Sessions sessions;
    private final ReaderResolver readers;
    private final String siteOrigin;

    /** @param siteOrigin the one origin whose pages may use the session cookie routes */
    AccountRoutes(AccountService accounts, SocialSignIn socialSignIn, Sessions sessions, ReaderResolver readers,
                  String siteOrigin) {
        this.accounts = accounts;
        this.socialSignIn = socialSignIn;
        this.sessions = sessions;
        this.readers = readers;
        this.siteOrigin = siteOrigin;
    }

    /** The access token of a sign-in or refresh ({@code tokenType} is always Bearer). */
    record TokenBody(String accessToken, String tokenType, long expiresIn) {
        static TokenBody of(SignedIn signedIn) {
            return new TokenBody(signedIn.accessToken(), "Bearer", signedIn.expiresInSeconds());
        }
    }

    /** The answer of an OpenID Connect sign-in: the token, and whether it created the account. */
    record SocialTokenBody(String accessToken, String tokenType, long expiresIn, boolean created) {
    }

    ApiResponse register(ApiRequest request) {
        RequestFields body = new RequestFields(request);
        accounts.register(body.optionalText("email"), body.optionalText("password"), body.optionalText("name"), language(request),
                client(request));
        return ApiResponse.status(202, Map.of("status", "ACTIVATION_SENT"));
    }

    ApiResponse resend(ApiRequest request) {
        return accepted(accounts.resendActivation(new RequestFields(request).optionalText("email"), language(request),
                client(request)), "ACTIVATION_SENT");
    }

    ApiResponse activate(ApiRequest request) {
        RequestFields body = new RequestFields(request);
        String token = body.text("token");
        body.check();
        accounts.activate(token);
        return ApiResponse.status(200, Map.of("status", "ACTIVATED"));
    }

    ApiResponse login(ApiRequest request) {
        RequestFields body = new RequestFields(request);
        boolean remember = body.optionalBool("remember");
        body.check();
        return signedIn(accounts.login(body.optionalText("email"), body.optionalText("password"), client(request), remember));
    }

    ApiResponse forgot(ApiRequest request) {
        return accepted(accounts.forgotPassword(new RequestFields(request).optionalText("email"), language(request),
                client(request)), "RESET_SENT");
    }

    /** The contract's one answer to a resend or reset request, whatever became of it. */
    private static ApiResponse accepted(MailRequest outcome, String status) {
        ApiResponse accepted = ApiResponse.status(202, Map.of("status", status));
        return outcome == MailRequest.OVER_CLIENT_CEILING ? accepted.limitedSilently() : accepted;
    }

    ApiResponse reset(ApiRequest request) {
        RequestFields body = new RequestFields(request);
        String token = body.text("token");
        String password = body.optionalText("password");
        body.check();
        accounts.resetPassword(token, password);
        return ApiResponse.noContent();
    }

    /** An unknown provider is 404 before the body is even read. */
    ApiResponse oidc(ApiRequest request) {
        String provider = request.pathParameter("provider");
        socialSignIn.requireProvider(provider);
        RequestFields body = new RequestFields(request);
        String idToken = body.text("idToken", MAX_ID_TOKEN_LENGTH);
        String nonce = body.text("nonce", MAX_NONCE_LENGTH);
        boolean remember = body.optionalBool("remember");
        // Not validated here: a name the provider sent that is no valid name is passed over, never a 400.
        String name = body.optionalText("name");
        body.check();
        SocialSignIn.Result result = socialSignIn.signIn(provider, idToken, nonce, remember, name);
        SignedIn signedIn = result.signedIn();
        return ApiResponse.status(200, new SocialTokenBody(signedIn.accessToken(), "Bearer", signedIn.expiresInSeconds(),
                result.created())).withCookie(SessionCookie.of(signedIn));
    }

    /**
     * A new access token and the rotated credential. A credential that opens no session, or was
     * rotated away (which ends its session), is 401 and the cookie is cleared.
     */
    ApiResponse refresh(ApiRequest request) {
        // The cookie routes answer only the site's own pages (SameSite=Strict aside, for browsers that ignore it).
        request.requireSameOrigin(siteOrigin);
        try {
            return signedIn(sessions.refresh(SessionCookie.presentedBy(request).orElse(null)));
        } catch (SessionEnded ended) {
            return ApiResponse.error(DomainErrors.toApi(ended)).withCookie(SessionCookie.CLEARED);
        }
    }

    /** Ends the cookie's session, if it opens one; 204 and a cleared cookie whatever it held. */
    ApiResponse logout(ApiRequest request) {
        request.requireSameOrigin(siteOrigin);
        SessionCookie.presentedBy(request).ifPresent(sessions::end);
        return ApiResponse.noContent().withCookie(SessionCookie.CLEARED);
    }

    /** Ends every session of the signed-in reader and revokes every access token issued before. */
    ApiResponse logoutAll(ApiRequest request) {
        request.requireSameOrigin(siteOrigin);
        ReaderAccount reader = readers.resolve(request).account().orElseThrow(SignInRequired::new);
        accounts.signOutEverywhere(reader.id(), reader.credentialVersion());
        return ApiResponse.noContent().withCookie(SessionCookie.CLEARED);
    }

    private static ApiResponse signedIn(SignedIn signedIn) {
        return ApiResponse.status(200, TokenBody.of(signedIn)).withCookie(SessionCookie.of(signedIn));
    }

    ApiResponse me(ApiRequest request) {
        String accountId = readers.resolve(request).account()
                .orElseThrow(SignInRequired::new).id();
        return ApiResponse.ok(accounts.profile(accountId), CachePolicy.PRIVATE);
    }

    ApiResponse subscription(ApiRequest request) {
        String accountId = request.pathParameter("accountId");
        RequestFields body = new RequestFields(request);
        boolean subscriber = body.bool("subscriber");
        Instant until = body.optionalTime("until");
        body.check();
        return ApiResponse.ok(accounts.setSubscription(accountId, subscriber, until), CachePolicy.PRIVATE);
    }

    /** The client's network, from the address API Gateway saw the connection come from (never a header the client writes). */
    private static ClientNetwork client(ApiRequest request) {
        return ClientNetwork.of(request.sourceIp().orElse(null));
    }

    private static MailLanguage language(ApiRequest request) {
        return MailLanguage.preferredBy(request.header("accept-language"));
    }
}
