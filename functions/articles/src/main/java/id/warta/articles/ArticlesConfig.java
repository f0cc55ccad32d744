package id.warta.articles;

import id.warta.config.AwsSettings;
import id.warta.config.Env;
import id.warta.config.MetricsSettings;
import id.warta.secrets.AccessTokenKeys;
import id.warta.secrets.SecretsManagerSecrets;

/** Everything the articles function reads from its environment, read once per container. */
public record ArticlesConfig(String contentTable, String accountsTable, String activityTable,
                             String recommendationsTable, int freeArticlesPerMonth, AccessTokenKeys accessTokenKeys,
                             AwsSettings aws, MetricsSettings metrics) {

    public static ArticlesConfig from(Env env) {
        AwsSettings aws = AwsSettings.from(env);
        return new ArticlesConfig(
                env.required("CONTENT_TABLE"),
                env.required("ACCOUNTS_TABLE"),
                env.required("ACTIVITY_TABLE"),
                env.required("RECOMMENDATIONS_TABLE"),
                env.requiredInt("FREE_ARTICLES_PER_MONTH"),
                AccessTokenKeys.from(env, SecretsManagerSecrets.from(env, aws)),
                aws,
                MetricsSettings.from(env));
    }
}
