package id.warta.articles;

import id.warta.config.AwsSettings;
import id.warta.config.Env;
import id.warta.config.MetricsSettings;

/** Everything the articles function reads from its environment, read once per container. */
public record ArticlesConfig(String contentTable, String accountsTable, String activityTable,
                             String recommendationsTable, int freeArticlesPerMonth, String accessTokenSecret,
                             AwsSettings aws, MetricsSettings metrics) {

    public static ArticlesConfig from(Env env) {
        return new ArticlesConfig(
                env.required("CONTENT_TABLE"),
                env.required("ACCOUNTS_TABLE"),
                env.required("ACTIVITY_TABLE"),
                env.required("RECOMMENDATIONS_TABLE"),
                env.requiredInt("FREE_ARTICLES_PER_MONTH"),
                env.required("ACCESS_TOKEN_SECRET"),
                AwsSettings.from(env),
                MetricsSettings.from(env));
    }
}
