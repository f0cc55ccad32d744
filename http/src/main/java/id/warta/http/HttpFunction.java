package id.warta.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.warta.errors.DomainException;
import id.warta.json.Json;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.HashMap;
import java.util.Map;

/**
 * The shared request pipeline of every API function: dispatch on the API Gateway route key, refuse
 * a body that is not declared as JSON, map failures to the contract's error body, add security and
 * cache headers, write one log line.
 * Routes themselves come from template.yaml; a function only names the route keys it serves.
 */
public final class HttpFunction {
    /**
     * What every answer may depend on besides its URL: the CORS headers follow the Origin (API
     * Gateway adds them after the function, and only for an allowed Origin), and the content follows
     * the bearer token. Sent on every answer, with or without an Origin, so that a shared cache never
     * gives the site a copy without its CORS header or a signed-in reader the anonymous copy.
     */
    public static final String ALWAYS_VARY = "Origin, Authorization";
    /**
     * A well-formed HS256 token signed with a key no function holds, naming none (and long expired):
     * a primed request that carries it loads the token parser and reads the signing key set into the
     * snapshot (JwtAccessTokens), which is otherwise done on the first signed-in request, and is
     * refused (401) before it reads or writes anything.
     */
    private static final String FOREIGN_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJpc3MiOiJ3YXJ0YSIsInN1YiI6InNuYXBzdGFydC1wcmltaW5nIiwiY3YiOjAsImlhdCI6MCwiZXhwIjoxfQ"
            + ".WUHvGllkdYPBK3ImbWxCTfdceXhUOwpYjiTVLIREHbg";

    private final Map<String, Route> routes;
    private final RequestLog log;

    private HttpFunction(Map<String, Route> routes, RequestLog log) {
        this.routes = Map.copyOf(routes);
        this.log = log;
    }

    public static Builder builder(RequestLog log) {
        return new Builder(log);
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        String routeKey = event.getRouteKey() == null ? "$default" : event.getRouteKey();
        String requestId = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId()
                : event.getRequestContext() != null ? event.getRequestContext().getRequestId() : "-";
        ApiResponse response;
        Throwable failure = null;
        try {
            ApiRequest request = ApiRequest.from(event);
            Route route = routes.get(routeKey);
            if (route == null) {
                response = ApiResponse.error(ApiException.of(ErrorCode.NOT_FOUND, "Alamat tidak ditemukan."));
            } else {
                request.requireJsonMediaType();
                response = route.handle(request);
            }
        } catch (ApiException e) {
            response = ApiResponse.error(e);
        } catch (DomainException e) {
            response = ApiResponse.error(DomainErrors.toApi(e));
        } catch (SdkClientException e) {
            failure = e;
            response = ApiResponse.error(ApiException.unavailable());
        } catch (AwsServiceException e) {
            failure = e;
            response = ApiResponse.error(e.isThrottlingException() || e.statusCode() >= 500
                    ? ApiException.unavailable()
                    : ApiException.of(ErrorCode.INTERNAL, "Terjadi kesalahan pada server."));
        } catch (RuntimeException e) {
            failure = e;
            response = ApiResponse.error(ApiException.of(ErrorCode.INTERNAL, "Terjadi kesalahan pada server."));
        }
        String errorCode = response.status() >= 400 ? errorCodeOf(response) : null;
        log.write(requestId, routeKey, response.status(), response.limited(), (System.nanoTime() - started) / 1000,
                errorCode, failure);
        return toEvent(response);
    }

    @SuppressWarnings("unchecked")
    private static String errorCodeOf(ApiResponse response) {
        if (response.body() instanceof Map<?, ?> body && body.get("error") instanceof Map<?, ?> error) {
            return String.valueOf(((Map<String, Object>) error).get("code"));
        }
        return null;
    }

    /**
     * Runs one synthetic request through the whole pipeline (JSON, routing, SDK client, HTTP
     * connection), so that a SnapStart snapshot holds loaded classes and warm paths. Callers choose
     * requests that cannot write: reads, and lookups of keys that do not exist.
     */
    public void prime(String routeKey, String path, String body) {
        prime(routeKey, path, body, Map.of());
    }

    /** {@link #prime} as a signed-in reader whose token does not verify: warms the verifier, answers 401. */
    public void primeWithForeignToken(String routeKey, String path, String body) {
        prime(routeKey, path, body, Map.of("authorization", "Bearer " + FOREIGN_TOKEN));
    }

    private void prime(String routeKey, String path, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("user-agent", "warta-snapstart-priming");
        headers.put("content-type", "application/json");
        String[] templateParts = routeKey.substring(routeKey.indexOf(' ') + 1).split("/");
        String[] pathParts = path.split("/");
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < templateParts.length && i < pathParts.length; i++) {
            if (templateParts[i].startsWith("{")) {
                parameters.put(templateParts[i].substring(1, templateParts[i].length() - 1), pathParts[i]);
            }
        }
        handle(APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withHeaders(headers)
                .withBody(body)
                .withPathParameters(parameters)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(routeKey.substring(0, routeKey.indexOf(' '))).withPath(path).build())
                        .build())
                .build(), null);
    }

    static APIGatewayV2HTTPResponse toEvent(ApiResponse response) {
        Map<String, String> headers = new HashMap<>(response.extraHeaders());
        headers.merge("vary", ALWAYS_VARY, (routeSpecific, always) -> always + ", " + routeSpecific);
        headers.put("cache-control", response.cache().headerValue());
        headers.put("x-content-type-options", "nosniff");
        String body = null;
        if (response.body() != null) {
            headers.put("content-type", "application/json; charset=utf-8");
            body = Json.write(response.body());
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withCookies(response.cookies().isEmpty() ? null : response.cookies())
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    public static final class Builder {
        private final RequestLog log;
        private final Map<String, Route> routes = new HashMap<>();

        private Builder(RequestLog log) {
            this.log = log;
        }

        /** @param routeKey the API Gateway route key, exactly as template.yaml declares it: "GET /articles/{slug}". */
        public Builder route(String routeKey, Route route) {
            if (routes.putIfAbsent(routeKey, route) != null) {
                throw new IllegalArgumentException("Route declared twice: " + routeKey);
            }
            return this;
        }

        public HttpFunction build() {
            return new HttpFunction(routes, log);
        }
    }
}
