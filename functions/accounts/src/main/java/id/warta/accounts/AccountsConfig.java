package id.warta.accounts;

import id.warta.config.AwsSettings;
import id.warta.config.Env;

/** Everything the accounts function reads from its environment, read once per container. */
public record AccountsConfig(String accountsTable, String activityTable, int freeArticlesPerMonth,
                             String accessTokenSecret, AwsSettings aws) {

    public static AccountsConfig from(Env env) {
        return new AccountsConfig(
                env.required("ACCOUNTS_TABLE"),
                env.required("ACTIVITY_TABLE"),
                env.requiredInt("FREE_ARTICLES_PER_MONTH"),
                env.required("ACCESS_TOKEN_SECRET"),
                AwsSettings.from(env));
    }
}
