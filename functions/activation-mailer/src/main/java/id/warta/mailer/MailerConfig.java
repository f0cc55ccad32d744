package id.warta.mailer;

import id.warta.config.AwsSettings;
import id.warta.config.Env;
import id.warta.config.MetricsSettings;

import java.util.Optional;

/**
 * Everything the mailer reads from its environment, read once per container; {@code freeArticles}
 * is what the activation email promises (the accounts' meter limit).
 */
public record MailerConfig(String accountsTable, String senderEmail, String siteUrl, int freeArticles,
                           Optional<String> configurationSet, AwsSettings aws, MetricsSettings metrics) {

    public static MailerConfig from(Env env) {
        return new MailerConfig(
                env.required("ACCOUNTS_TABLE"),
                env.required("SENDER_EMAIL"),
                env.required("SITE_URL"),
                Integer.parseInt(env.required("FREE_ARTICLES_PER_MONTH")),
                Optional.ofNullable(env.optional("SES_CONFIGURATION_SET", null)),
                AwsSettings.from(env),
                MetricsSettings.from(env));
    }
}
