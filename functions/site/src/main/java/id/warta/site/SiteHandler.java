package id.warta.site;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.warta.config.AwsClients;
import id.warta.config.Env;
import id.warta.logging.EventLog;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reader site behind its own HTTP API (every path reaches it through the $default route): one
 * HTML page, feed, sitemap or asset per request, with the security headers, and one log line. A
 * failure of DynamoDB is the HTML 503 page, anything else the HTML 500 page; neither says more.
 */
public final class SiteHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
    private final Site site;
    private final SecurityHeaders security;
    private final EventLog log;

    public SiteHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /**
     * The function as Lambda builds it, from its environment; the local stack builds it the same way
     * with a clock of its own (one a test may move forward), in production the system clock.
     */
    public SiteHandler(Map<String, String> environment, Clock clock) {
        SiteConfig config = SiteConfig.from(new Env(environment));
        this(SiteWiring.wire(config, AwsClients.dynamoDb(config.aws()), clock), config.apiUrl(),
                EventLog.toStdout("site"));
        Core.getGlobalContext().register(this);
    }

    SiteHandler(Site site, String apiUrl, EventLog log) {
        this.site = site;
        this.security = new SecurityHeaders(apiUrl);
        this.log = log;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        SiteRequest request = SiteRequest.from(event);
        String requestId = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId() : request.requestId();
        Site.Answer answer;
        Throwable failure = null;
        try {
            answer = site.answer(request);
        } catch (SdkException e) {
            failure = e;
            answer = new Site.Answer("unavailable", site.unavailable());
        } catch (RuntimeException e) {
            failure = e;
            answer = new Site.Answer("failed", site.failed());
        }
        SiteResponse response = answer.response();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("requestId", requestId);
        line.put("method", request.method());
        line.put("page", answer.page());
        line.put("status", response.status());
        line.put("micros", (System.nanoTime() - started) / 1000);
        if (failure != null) {
            line.put("failure", failure.getClass().getName());
        }
        log.event(line);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(security.around(response.headers()))
                .withBody(request.method().equals("HEAD") ? "" : response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    /** SnapStart: renders the home page and an unknown article once, so the snapshot holds warm classes and a connection. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        for (String path : new String[] {"/", "/nasional/snapstart-priming"}) {
            handleRequest(APIGatewayV2HTTPEvent.builder().withRawPath(path)
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("snapstart-priming")
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                            .build())
                    .build(), null);
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the SDK client re-resolves credentials and connections on use.
    }
}
