package id.warta.mailer;

import id.warta.config.AwsSettings;
import id.warta.config.Env;
import id.warta.config.MetricsSettings;

import java.util.Optional;

/** Everything the mailer reads from its environment, read once per container. */
public record MailerConfig(String accountsTable, String senderEmail, String siteUrl,
                           Optional<String> configurationSet, AwsSettings aws, MetricsSettings metrics) {

    public static MailerConfig from(Env env) {
        return new MailerConfig(
                env.required("ACCOUNTS_TABLE"),
                env.required("SENDER_EMAIL"),
                env.required("SITE_URL"),
                Optional.ofNullable(env.optional("SES_CONFIGURATION_SET", null)),
                AwsSettings.from(env),
                MetricsSettings.from(env));
    }
}
