package id.warta.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The account item of the AccountsTable: {@code pk = ACCOUNT#<id>}, {@code sk = ACCOUNT}, with at
 * least {@code activated} (BOOL), {@code credentialVersion} (N) and, for subscribers,
 * {@code subscriberUntil} (S, ISO instant). Shared by the accounts function (writes) and the
 * readers of accounts (articles, views).
 */
public final class AccountKeys {
    public static final String SORT_KEY = "ACCOUNT";
    public static final String ACTIVATED = "activated";
    public static final String CREDENTIAL_VERSION = "credentialVersion";
    public static final String SUBSCRIBER_UNTIL = "subscriberUntil";

    private AccountKeys() {
    }

    public static Map<String, AttributeValue> key(String accountId) {
        return Map.of("pk", Attr.s("ACCOUNT#" + accountId), "sk", Attr.s(SORT_KEY));
    }
}
