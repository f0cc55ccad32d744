package id.warta.site;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A browser's request as API Gateway (payload 2.0) hands it over: the method, the raw path (never
 * decoded: every path the site answers is plain ASCII, so an escaped one names nothing), the
 * decoded query parameters and the body as text (API Gateway may hand a form over base64-encoded;
 * empty for none).
 */
public record SiteRequest(String method, String path, Map<String, String> query, String body, String requestId) {
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
        return new SiteRequest(method, path, Map.copyOf(query), body(event), requestId);
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return "";
        }
        if (!event.getIsBase64Encoded()) {
            return event.getBody();
        }
        try {
            return new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }
}
