package id.warta.accounts;

import id.warta.accounts.oidc.HttpJwksFetcher;
import id.warta.accounts.oidc.IdTokenVerifier;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.dynamo.DynamoMailOutbox;
import id.warta.dynamo.DynamoMeters;
import id.warta.dynamo.DynamoReaderAccounts;
import id.warta.http.ApiHandler;
import id.warta.http.HttpFunction;
import id.warta.http.ReaderIdentity;
import id.warta.http.ReaderResolver;
import id.warta.http.RequestLog;
import id.warta.identity.AccessTokens;
import id.warta.logging.EventLog;
import id.warta.metrics.Metrics;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/** /auth/*, /me and the subscription admin route. */
public final class AccountsHandler extends ApiHandler {
    /** Well-formed, for an account that cannot exist: activating it only reads, and fails. */
    private static final String PRIMING_TOKEN = "{\"token\":\"00000000-0000-4000-8000-000000000000."
            + "A".repeat(43) + "\"}";

    public AccountsHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /**
     * The function as Lambda builds it, from its environment; the local stack builds it the same way
     * with a clock of its own (one a test may move forward), in production the system clock.
     */
    public AccountsHandler(Map<String, String> environment, Clock clock) {
        AccountsConfig config = AccountsConfig.from(new Env(environment));
        Metrics metrics = config.metrics().toLog(EventLog.toStdout("accounts"), clock);
        this(AccountsWiring.wire(config, AwsClients.dynamoDb(config.aws()), metrics, clock),
                RequestLog.toStdout("accounts", metrics));
        primeBeforeSnapshots();
    }

    AccountsHandler(AccountRoutes routes, RequestLog log) {
        super(HttpFunction.builder(log)
                .route("POST /auth/register", routes::register)
                .route("POST /auth/activation/resend", routes::resend)
                .route("POST /auth/activate", routes::activate)
                .route("POST /auth/login", routes::login)
                .route("POST /auth/password/forgot", routes::forgot)
                .route("POST /auth/password/reset", routes::reset)
                .route("POST /auth/oidc/{provider}", routes::oidc)
                .route("POST /auth/refresh", routes::refresh)
                .route("POST /auth/logout", routes::logout)
                .route("POST /auth/logout-all", routes::logoutAll)
                .route("GET /me", routes::me)
                .route("PUT /admin/accounts/{accountId}/subscription", routes::subscription)
                .build());
    }

    /** JSON, validation, one account lookup and the error path; nothing is written. */
    @Override
    protected void prime(HttpFunction http) {
        http.prime("POST /auth/activate", "/auth/activate", PRIMING_TOKEN);
        http.prime("GET /me", "/me", null);
    }
}
