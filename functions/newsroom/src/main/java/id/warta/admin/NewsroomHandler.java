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
 * The newsroom's IAM-authorised routes: create, replace and unpublish articles, and set the
 * "Pilihan Editor" list. API Gateway lets only SigV4-signed requests of allowed identities through.
 */
public final class NewsroomHandler extends ApiHandler {

    public NewsroomHandler() {
        this(System.getenv());
    }

    public NewsroomHandler(Map<String, String> environment) {
        NewsroomConfig config = NewsroomConfig.from(new Env(environment));
        this(NewsroomWiring.wire(config, AwsClients.dynamoDb(config.aws()), Clock.systemUTC()),
                RequestLog.toStdout("newsroom", config.metrics().toLog(EventLog.toStdout("newsroom"), Clock.systemUTC())));
    }

    NewsroomHandler(NewsroomRoutes routes, RequestLog log) {
        super(HttpFunction.builder(log)
                .route("PUT /admin/articles/{slug}", routes::putArticle)
                .route("DELETE /admin/articles/{slug}", routes::unpublish)
                .route("PUT /admin/editors-picks", routes::editorsPicks)
                .build());
    }

    /** Editors' calls are rare: no snapshot, nothing to prime. */
    @Override
    protected void prime(HttpFunction http) {
    }
}
