package id.warta.admin;

import id.warta.config.AwsSettings;
import id.warta.config.Env;
import id.warta.config.MetricsSettings;

/** Everything the newsroom function reads from its environment, read once per container. */
public record NewsroomConfig(String contentTable, AwsSettings aws, MetricsSettings metrics) {

    public static NewsroomConfig from(Env env) {
        return new NewsroomConfig(env.required("CONTENT_TABLE"), AwsSettings.from(env), MetricsSettings.from(env));
    }
}
