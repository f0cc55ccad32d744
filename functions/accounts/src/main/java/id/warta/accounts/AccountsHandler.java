package id.warta.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.warta.accounts.oidc.HttpJwksFetcher;
import id.warta.accounts.oidc.IdTokenVerifier;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.dynamo.DynamoMailOutbox;
import id.warta.dynamo.DynamoMeters;
import id.warta.dynamo.DynamoReaderAccounts;
import id.warta.http.ApiRequest;
import id.warta.http.ApiResponse;
import id.warta.http.CachePolicy;
import id.warta.http.HttpFunction;
import id.warta.http.ReaderIdentity;
import id.warta.http.ReaderResolver;
import id.warta.http.RequestLog;
import id.warta.identity.AccessTokens;
import id.warta.mail.MailLanguage;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** /auth/*, /me and the subscription admin route. */
public final class AccountsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
    /** Well-formed, for an account that cannot exist: activating it only reads, and fails. */
    private static final String PRIMING_TOKEN = "{\"token\":\"00000000-0000-4000-8000-000000000000."
            + "A".repeat(43) + "\"}";

    private static final int MAX_ID_TOKEN_LENGTH = 16 * 1024;
    private static final int MAX_NONCE_LENGTH = 512;

    private final HttpFunction http;
    private final AccountService accounts;
    private final SocialSignIn socialSignIn;
    private final ReaderResolver readers;

    public AccountsHandler() {
        this(System.getenv());
    }

    public AccountsHandler(Map<String, String> environment) {
        this(AccountsConfig.from(new Env(environment)), Clock.systemUTC());
    }

    private AccountsHandler(AccountsConfig config, Clock clock) {
        this(config, AwsClients.dynamoDb(config.aws()), new AccessTokens(config.accessTokenSecret(), clock),
                new SecureRandom(), clock);
        Core.getGlobalContext().register(this);
    }

    private AccountsHandler(AccountsConfig config, DynamoDbClient dynamo, AccessTokens accessTokens, SecureRandom random,
                            Clock clock) {
        this(config, new DynamoAccountStore(dynamo, config.accountsTable()), dynamo, accessTokens, random, clock);
    }

    private AccountsHandler(AccountsConfig config, AccountStore store, DynamoDbClient dynamo, AccessTokens accessTokens,
                            SecureRandom random, Clock clock) {
        this(new AccountService(store, new DynamoMailOutbox(dynamo, config.accountsTable(), clock),
                        new PasswordHasher(PasswordHasher.PRODUCTION, random), new OneTimeTokens(random),
                        accessTokens, new DynamoRateLimitStore(dynamo, config.accountsTable()),
                        new DynamoMeters(dynamo, config.activityTable()), config.freeArticlesPerMonth(), clock),
                new SocialSignIn(IdTokenVerifier.forProviders(config.oidcProviders().values(), new HttpJwksFetcher(), clock),
                        store, accessTokens, clock),
                new ReaderResolver(new ReaderIdentity(accessTokens), new DynamoReaderAccounts(dynamo, config.accountsTable())),
                RequestLog.toStdout("accounts"));
    }

    AccountsHandler(AccountService accounts, SocialSignIn socialSignIn, ReaderResolver readers, RequestLog log) {
        this.accounts = accounts;
        this.socialSignIn = socialSignIn;
        this.readers = readers;
        this.http = HttpFunction.builder(log)
                .route("POST /auth/register", this::register)
                .route("POST /auth/activation/resend", this::resend)
                .route("POST /auth/activate", this::activate)
                .route("POST /auth/login", this::login)
                .route("POST /auth/password/forgot", this::forgot)
                .route("POST /auth/password/reset", this::reset)
                .route("POST /auth/oidc/{provider}", this::oidc)
                .route("GET /me", this::me)
                .route("PUT /admin/accounts/{accountId}/subscription", this::subscription)
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.handle(event, context);
    }

    /** SnapStart: JSON, validation, one account lookup and the error path; nothing is written. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        http.prime("POST /auth/activate", "/auth/activate", PRIMING_TOKEN);
        http.prime("GET /me", "/me", null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the clients re-resolve credentials and connections on use.
    }

    private ApiResponse register(ApiRequest request) {
        RequestFields body = new RequestFields(request);
        accounts.register(body.optionalText("email"), body.optionalText("password"), body.optionalText("name"), language(request));
        return ApiResponse.status(202, Map.of("status", "ACTIVATION_SENT"));
    }

    private ApiResponse resend(ApiRequest request) {
        accounts.resendActivation(new RequestFields(request).optionalText("email"), language(request));
        return ApiResponse.status(202, Map.of("status", "ACTIVATION_SENT"));
    }

    private ApiResponse activate(ApiRequest request) {
        RequestFields body = new RequestFields(request);
        String token = body.text("token");
        body.check();
        accounts.activate(token);
        return ApiResponse.status(200, Map.of("status", "ACTIVATED"));
    }

    private ApiResponse login(ApiRequest request) {
        RequestFields body = new RequestFields(request);
        String email = body.text("email");
        String password = body.text("password");
        body.check();
        AccountService.Session session = accounts.login(email, password);
        return ApiResponse.status(200, Map.of("accessToken", session.accessToken(), "tokenType", "Bearer",
                "expiresIn", session.expiresInSeconds()));
    }

    private ApiResponse forgot(ApiRequest request) {
        accounts.forgotPassword(new RequestFields(request).optionalText("email"), language(request));
        return ApiResponse.status(202, Map.of("status", "RESET_SENT"));
    }

    private ApiResponse reset(ApiRequest request) {
        RequestFields body = new RequestFields(request);
        String token = body.text("token");
        String password = body.optionalText("password");
        body.check();
        accounts.resetPassword(token, password);
        return ApiResponse.noContent();
    }

    /** An unknown provider is 404 before the body is even read. */
    private ApiResponse oidc(ApiRequest request) {
        String provider = request.pathParameter("provider");
        socialSignIn.requireProvider(provider);
        RequestFields body = new RequestFields(request);
        String idToken = body.text("idToken", MAX_ID_TOKEN_LENGTH);
        String nonce = body.text("nonce", MAX_NONCE_LENGTH);
        body.check();
        SocialSignIn.Result result = socialSignIn.signIn(provider, idToken, nonce);
        return ApiResponse.status(200, Map.of("accessToken", result.session().accessToken(), "tokenType", "Bearer",
                "expiresIn", result.session().expiresInSeconds(), "created", result.created()));
    }

    private ApiResponse me(ApiRequest request) {
        String accountId = readers.resolve(request).account()
                .orElseThrow(ReaderIdentity::unauthorized).id();
        return ApiResponse.ok(accounts.profile(accountId), CachePolicy.PRIVATE);
    }

    private ApiResponse subscription(ApiRequest request) {
        String accountId = request.pathParameter("accountId");
        RequestFields body = new RequestFields(request);
        boolean subscriber = body.bool("subscriber");
        Instant until = body.optionalTime("until");
        body.check();
        return ApiResponse.ok(accounts.setSubscription(accountId, subscriber, until), CachePolicy.PRIVATE);
    }

    private static MailLanguage language(ApiRequest request) {
        return MailLanguage.preferredBy(request.header("accept-language"));
    }
}
