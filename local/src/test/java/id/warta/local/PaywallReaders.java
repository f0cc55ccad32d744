package id.warta.local;

import id.warta.dynamo.ActivityTable;
import id.warta.reader.ReaderAccount;
import id.warta.dynamo.AccountsTable;
import id.warta.dynamo.Attr;
import id.warta.dynamo.DynamoMeters;
import id.warta.identity.AccessTokens;
import id.warta.paywall.MeterPeriod;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed-in readers for the paywall's integration tests, without the accounts routes: the account
 * item written straight into the AccountsTable and a bearer token minted with the secret the local
 * functions were given.
 */
final class PaywallReaders {
    private final TestStack stack;
    private final Map<String, String> environment;
    private final AccessTokens tokens;

    PaywallReaders(TestStack stack) {
        this.stack = stack;
        this.environment = stack.cloud().environmentOf(stack.cloud().template().functions().stream()
                .filter(f -> f.logicalId().equals("ArticlesFunction")).findFirst().orElseThrow());
        this.tokens = stack.cloud().accessTokens();
    }

    /** A signed-in reader: its account and the Authorization header of its token. */
    record SignedIn(ReaderAccount account, String authorization) {
        String[] headers() {
            return new String[] {"Authorization", authorization};
        }

        String id() {
            return account.id();
        }
    }

    int freeArticlesPerMonth() {
        return Integer.parseInt(environment.get("FREE_ARTICLES_PER_MONTH"));
    }

    SignedIn activated() {
        return save(new ReaderAccount(UUID.randomUUID().toString(), true, null, 1));
    }

    SignedIn unactivated() {
        return save(new ReaderAccount(UUID.randomUUID().toString(), false, null, 1));
    }

    SignedIn subscriber() {
        return save(new ReaderAccount(UUID.randomUUID().toString(), true, Instant.now().plusSeconds(30L * 86_400), 1));
    }

    /** What a password reset does to the account: older tokens stop working. */
    void bumpCredentialVersion(SignedIn reader) {
        save(new ReaderAccount(reader.id(), reader.account().activated(), reader.account().subscriberUntil(),
                reader.account().credentialVersion() + 1));
    }

    private SignedIn save(ReaderAccount account) {
        Map<String, AttributeValue> item = new HashMap<>(AccountsTable.key(account.id()));
        // Every account has an address and a name (DynamoAccountStore's item), which GET /me answers.
        item.put("email", Attr.s("pembaca-" + account.id() + "@example.id"));
        item.put("name", Attr.s("Pembaca Uji"));
        item.put(AccountsTable.ACTIVATED, Attr.bool(account.activated()));
        item.put(AccountsTable.CREDENTIAL_VERSION, Attr.n(account.credentialVersion()));
        if (account.subscriberUntil() != null) {
            item.put(AccountsTable.SUBSCRIBER_UNTIL, Attr.s(account.subscriberUntil().toString()));
        }
        stack.cloud().dynamo().putItem(b -> b.tableName(environment.get("ACCOUNTS_TABLE")).item(item));
        return new SignedIn(account, "Bearer " + tokens.issue(account.id(), account.credentialVersion()));
    }

    /** The reader's meter item of the current period, as stored. */
    Optional<Map<String, AttributeValue>> meterItem(SignedIn reader) {
        Map<String, AttributeValue> item = stack.cloud().dynamo().getItem(b -> b
                .tableName(environment.get("ACTIVITY_TABLE"))
                .key(ActivityTable.meterKey(reader.id(), MeterPeriod.containing(Instant.now())))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    String table(String variable) {
        return environment.get(variable);
    }
}
