package id.warta.feedback;

import id.warta.config.AwsSettings;
import id.warta.config.Env;
import id.warta.config.MetricsSettings;

/** Everything the feedback function reads from its environment, read once per container. */
public record MailFeedbackConfig(String accountsTable, AwsSettings aws, MetricsSettings metrics) {

    public static MailFeedbackConfig from(Env env) {
        return new MailFeedbackConfig(env.required("ACCOUNTS_TABLE"), AwsSettings.from(env), MetricsSettings.from(env));
    }
}
