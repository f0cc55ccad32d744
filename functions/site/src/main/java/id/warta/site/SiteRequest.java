package id.warta.site;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A browser's request as API Gateway (payload 2.0) hands it over: the method, the raw path (never
 * decoded: every path the site answers is plain ASCII, so an escaped one names nothing) and the
 * decoded query parameters.
 */
public record SiteRequest(String method, String path, Map<String, String> query, String requestId) {
    public static SiteRequest from(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        String method = context == null || context.getHttp() == null || context.getHttp().getMethod() == null
                ? "GET" : context.getHttp().getMethod();
        String requestId = context == null || context.getRequestId() == null ? "-" : context.getRequestId();
        Map<String, String> query = new HashMap<>();
        if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((name, value) -> {
                if (name != null && value != null) {
                    query.put(name, value);
                }
            });
        }
        String path = event.getRawPath() == null || event.getRawPath().isEmpty() ? "/" : event.getRawPath();
        return new SiteRequest(method, path, Map.copyOf(query), requestId);
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }
}
