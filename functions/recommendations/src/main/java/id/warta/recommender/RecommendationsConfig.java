package id.warta.recommender;

import id.warta.config.AwsSettings;
import id.warta.config.Env;
import id.warta.config.MetricsSettings;

/** Everything the recommendations builder reads from its environment, read once per container. */
public record RecommendationsConfig(String contentTable, String activityTable, String recommendationsTable,
                                    AwsSettings aws, MetricsSettings metrics) {

    public static RecommendationsConfig from(Env env) {
        return new RecommendationsConfig(
                env.required("CONTENT_TABLE"),
                env.required("ACTIVITY_TABLE"),
                env.required("RECOMMENDATIONS_TABLE"),
                AwsSettings.from(env),
                MetricsSettings.from(env));
    }
}
