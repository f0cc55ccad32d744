package id.warta.admin;

import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.http.ApiHandler;
import id.warta.http.HttpFunction;
import id.warta.http.RequestLog;
import id.warta.logging.EventLog;

import java.time.Clock;
import java.util.Map;

/**
 * The newsroom's IAM-authorised routes: create, replace and unpublish articles and videos, and set the
 * "Pilihan Editor" list. API Gateway lets only SigV4-signed requests of allowed identities through.
 */
public final class NewsroomHandler extends ApiHandler {

    public NewsroomHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /**
     * The function as Lambda builds it, from its environment; the local stack builds it the same way
     * with a clock of its own (one a test may move forward), in production the system clock.
     */
    public NewsroomHandler(Map<String, String> environment, Clock clock) {
        NewsroomConfig config = NewsroomConfig.from(new Env(environment));
        this(NewsroomWiring.wire(config, AwsClients.dynamoDb(config.aws()), clock),
                RequestLog.toStdout("newsroom", config.metrics().toLog(EventLog.toStdout("newsroom"), clock)));
    }

    NewsroomHandler(NewsroomRoutes routes, RequestLog log) {
        super(HttpFunction.builder(log)
                .route("PUT /admin/articles/{slug}", routes::putArticle)
                .route("DELETE /admin/articles/{slug}", routes::unpublish)
                .route("PUT /admin/videos/{id}", routes::putVideo)
                .route("DELETE /admin/videos/{id}", routes::unpublishVideo)
                .route("PUT /admin/editors-picks", routes::editorsPicks)
                .build());
    }

    /** Editors' calls are rare: no snapshot, nothing to prime. */
    @Override
    protected void prime(HttpFunction http) {
    }
}
