package id.warta.views;

import id.warta.config.AwsSettings;
import id.warta.config.Env;
import id.warta.config.MetricsSettings;
import id.warta.secrets.AccessTokenKeys;
import id.warta.secrets.SecretsManagerSecrets;
import id.warta.secrets.ServerKey;

/**
 * Everything the views function reads from its environment, read once per container.
 * {@code viewsPerIpPerMinute}: the view writes one client address may make per minute (VIEWS_PER_IP_PER_MINUTE).
 */
public record ViewsConfig(String contentTable, String accountsTable, String activityTable, int freeArticlesPerMonth,
                          AccessTokenKeys accessTokenKeys, ServerKey serverKey, int viewsPerIpPerMinute, AwsSettings aws,
                          MetricsSettings metrics) {

    public static ViewsConfig from(Env env) {
        AwsSettings aws = AwsSettings.from(env);
        SecretsManagerSecrets secrets = SecretsManagerSecrets.from(env, aws);
        return new ViewsConfig(
                env.required("CONTENT_TABLE"),
                env.required("ACCOUNTS_TABLE"),
                env.required("ACTIVITY_TABLE"),
                env.requiredInt("FREE_ARTICLES_PER_MONTH"),
                AccessTokenKeys.from(env, secrets),
                ServerKey.from(env, secrets),
                env.requiredInt("VIEWS_PER_IP_PER_MINUTE"),
                aws,
                MetricsSettings.from(env));
    }
}
