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
        this(System.getenv());
    }

    public AccountsHandler(Map<String, String> environment) {
        this(AccountsConfig.from(new Env(environment)), Clock.systemUTC());
        primeBeforeSnapshots();
    }

    private AccountsHandler(AccountsConfig config, Clock clock) {
        this(config, AwsClients.dynamoDb(config.aws()), new AccessTokens(config.accessTokenSecret(), clock),
                new SecureRandom(), clock);
    }

    private AccountsHandler(AccountsConfig config, DynamoDbClient dynamo, AccessTokens accessTokens, SecureRandom random,
                            Clock clock) {
        this(config, new DynamoAccountStore(dynamo, config.accountsTable()), dynamo, accessTokens, random, clock);
    }

    private AccountsHandler(AccountsConfig config, AccountStore store, DynamoDbClient dynamo, AccessTokens accessTokens,
                            SecureRandom random, Clock clock) {
        this(new AccountRoutes(
                        new AccountService(store, new DynamoMailOutbox(dynamo, config.accountsTable(), clock),
                                new PasswordHasher(PasswordHasher.PRODUCTION, random), new OneTimeTokens(random),
                                accessTokens, new DynamoRateLimitStore(dynamo, config.accountsTable()), config.clientCeilings(),
                                new DynamoMeters(dynamo, config.activityTable()), config.freeArticlesPerMonth(), clock),
                        new SocialSignIn(IdTokenVerifier.forProviders(config.oidcProviders().values(), new HttpJwksFetcher(), clock),
                                store, new DynamoUsedIdTokens(dynamo, config.accountsTable()), accessTokens, clock),
                        new ReaderResolver(new ReaderIdentity(accessTokens), new DynamoReaderAccounts(dynamo, config.accountsTable()))),
                RequestLog.toStdout("accounts"));
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
