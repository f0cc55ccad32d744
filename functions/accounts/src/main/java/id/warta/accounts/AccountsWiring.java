package id.warta.accounts;

import id.warta.ratelimit.RateLimit;
import id.warta.membership.AccountStore;
import id.warta.membership.AccountService;
import id.warta.membership.OneTimeTokens;

import id.warta.dynamo.DynamoAccountStore;
import id.warta.dynamo.DynamoRateLimitStore;
import id.warta.dynamo.DynamoSessions;
import id.warta.dynamo.DynamoUsedIdTokens;
import id.warta.accounts.oidc.HttpJwksFetcher;
import id.warta.accounts.oidc.IdTokenVerifier;
import id.warta.dynamo.DynamoMailOutbox;
import id.warta.dynamo.DynamoProfileStanding;
import id.warta.dynamo.DynamoReaderAccounts;
import id.warta.http.ReaderIdentity;
import id.warta.http.ReaderResolver;
import id.warta.identity.AccessTokens;
import id.warta.http.JwtAccessTokens;
import id.warta.metrics.Metrics;
import id.warta.paywall.AccessPolicy;
import id.warta.sessions.CredentialChain;
import id.warta.sessions.Sessions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;

/** The accounts function's object graph, built once per container: one client, one adapter per item type. */
final class AccountsWiring {
    private AccountsWiring() {
    }

    static AccountRoutes wire(AccountsConfig config, DynamoDbClient dynamo, Metrics metrics, Clock clock) {
        SecureRandom random = new SecureRandom();
        AccessTokens accessTokens = new JwtAccessTokens(config.accessTokenKeys().ring(clock), clock);
        AccountStore store = new DynamoAccountStore(dynamo, config.accountsTable());
        String serverKey = config.serverKey().read();
        Sessions sessions = new Sessions(new DynamoSessions(dynamo, config.accountsTable()),
                new CredentialChain(serverKey), accessTokens, random, metrics, clock);
        AccountService accounts = new AccountService(store, new DynamoMailOutbox(dynamo, config.accountsTable(), clock),
                new PasswordHasher(PasswordHasher.PRODUCTION, random), new OneTimeTokens(random), sessions,
                new DynamoRateLimitStore(dynamo, config.accountsTable()), RateLimit.subjectHashes(serverKey),
                config.clientCeilings(),
                new DynamoProfileStanding(dynamo, config.accountsTable(), config.activityTable()),
                new AccessPolicy(config.freeArticlesPerMonth()), metrics, clock);
        SocialSignIn socialSignIn = new SocialSignIn(
                IdTokenVerifier.forProviders(config.oidcProviders().values(), new HttpJwksFetcher(), clock),
                store, new DynamoUsedIdTokens(dynamo, config.accountsTable()), sessions, metrics, clock);
        return new AccountRoutes(accounts, socialSignIn, sessions,
                new ReaderResolver(new ReaderIdentity(accessTokens), new DynamoReaderAccounts(dynamo, config.accountsTable())),
                config.siteOrigin());
    }
}
