package id.warta.accounts;

import id.warta.membership.ClientCeilings;

import id.warta.accounts.oidc.OidcProvider;
import id.warta.config.AwsSettings;
import id.warta.config.Env;
import id.warta.config.MetricsSettings;
import id.warta.secrets.AccessTokenKeys;
import id.warta.secrets.SecretsManagerSecrets;
import id.warta.secrets.ServerKey;

import java.util.Map;

/**
 * Everything the accounts function reads from its environment, read once per container.
 * {@code siteOrigin}: the site's origin (SITE_ORIGIN), the only one the session cookie routes answer.
 * {@code oidcProviders}: the sign-in providers with at least one client id, by name (OIDC_PROVIDERS,
 * see {@link OidcProvider#parseAll}); none when the variable is absent.
 */
public record AccountsConfig(String accountsTable, String activityTable, String siteOrigin, int freeArticlesPerMonth,
                             AccessTokenKeys accessTokenKeys, ServerKey serverKey, ClientCeilings clientCeilings, Map<String, OidcProvider> oidcProviders,
                             AwsSettings aws, MetricsSettings metrics) {

    public static AccountsConfig from(Env env) {
        AwsSettings aws = AwsSettings.from(env);
        SecretsManagerSecrets secrets = SecretsManagerSecrets.from(env, aws);
        return new AccountsConfig(
                env.required("ACCOUNTS_TABLE"),
                env.required("ACTIVITY_TABLE"),
                env.required("SITE_ORIGIN"),
                env.requiredInt("FREE_ARTICLES_PER_MONTH"),
                AccessTokenKeys.from(env, secrets),
                ServerKey.from(env, secrets),
                new ClientCeilings(env.requiredInt("FAILED_SIGN_INS_PER_IP"), env.requiredInt("MAIL_REQUESTS_PER_IP_PER_HOUR")),
                OidcProvider.parseAll(env.optional("OIDC_PROVIDERS", "{}")),
                aws,
                MetricsSettings.from(env));
    }
}
