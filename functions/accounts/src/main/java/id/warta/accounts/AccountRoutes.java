package id.warta.accounts;

import id.warta.membership.AccountService;
import id.warta.membership.ClientNetwork;

import id.warta.errors.SignInRequired;
import id.warta.http.ApiRequest;
import id.warta.http.ApiResponse;
import id.warta.http.CachePolicy;
import id.warta.http.ReaderIdentity;
import id.warta.http.ReaderResolver;
import id.warta.mail.MailLanguage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The account routes: read the request's fields, call the domain, shape the contract's answer. */
final class AccountRoutes {
    private static final int MAX_ID_TOKEN_LENGTH = 16 * 1024;
    private static final int MAX_NONCE_LENGTH = 512;

    private final AccountService accounts;
    private final SocialSignIn socialSignIn;
    private final ReaderResolver readers;

    AccountRoutes(AccountService accounts, SocialSignIn socialSignIn, ReaderResolver readers) {
        this.accounts = accounts;
        this.socialSignIn = socialSignIn;
        this.readers = readers;
    }

    ApiResponse register(ApiRequest request) {
        RequestFields body = new RequestFields(request);
        accounts.register(body.optionalText("email"), body.optionalText("password"), body.optionalText("name"), language(request),
                client(request));
        return ApiResponse.status(202, Map.of("status", "ACTIVATION_SENT"));
    }

    ApiResponse resend(ApiRequest request) {
        accounts.resendActivation(new RequestFields(request).optionalText("email"), language(request), client(request));
        return ApiResponse.status(202, Map.of("status", "ACTIVATION_SENT"));
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
        return ApiResponse.status(200, tokenBody(accounts.login(body.optionalText("email"), body.optionalText("password"),
                client(request))));
    }

    ApiResponse forgot(ApiRequest request) {
        accounts.forgotPassword(new RequestFields(request).optionalText("email"), language(request), client(request));
        return ApiResponse.status(202, Map.of("status", "RESET_SENT"));
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
        body.check();
        SocialSignIn.Result result = socialSignIn.signIn(provider, idToken, nonce);
        Map<String, Object> answer = new LinkedHashMap<>(tokenBody(result.session()));
        answer.put("created", result.created());
        return ApiResponse.status(200, answer);
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

    private static Map<String, Object> tokenBody(AccountService.Session session) {
        return Map.of("accessToken", session.accessToken(), "tokenType", "Bearer", "expiresIn", session.expiresInSeconds());
    }

    /** The client's network, from the address API Gateway saw the connection come from (never a header the client writes). */
    private static ClientNetwork client(ApiRequest request) {
        return ClientNetwork.of(request.sourceIp().orElse(null));
    }

    private static MailLanguage language(ApiRequest request) {
        return MailLanguage.preferredBy(request.header("accept-language"));
    }
}
