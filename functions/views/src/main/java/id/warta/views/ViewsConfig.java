package id.warta.views;

import id.warta.config.AwsSettings;
import id.warta.config.Env;
import id.warta.config.MetricsSettings;

/**
 * Everything the views function reads from its environment, read once per container.
 * {@code viewsPerIpPerMinute}: the view writes one client address may make per minute (VIEWS_PER_IP_PER_MINUTE).
 */
public record ViewsConfig(String contentTable, String accountsTable, String activityTable, int freeArticlesPerMonth,
                          String accessTokenSecret, int viewsPerIpPerMinute, AwsSettings aws,
                          MetricsSettings metrics) {

    public static ViewsConfig from(Env env) {
        return new ViewsConfig(
                env.required("CONTENT_TABLE"),
                env.required("ACCOUNTS_TABLE"),
                env.required("ACTIVITY_TABLE"),
                env.requiredInt("FREE_ARTICLES_PER_MONTH"),
                env.required("ACCESS_TOKEN_SECRET"),
                env.requiredInt("VIEWS_PER_IP_PER_MINUTE"),
                AwsSettings.from(env),
                MetricsSettings.from(env));
    }
}
