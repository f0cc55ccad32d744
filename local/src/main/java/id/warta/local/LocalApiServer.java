package id.warta.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.warta.json.Json;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * `sam local start-api` without Docker: serves every route of one HttpApi of template.yaml (the reader
 * API, or the site's) by turning the
 * HTTP request into an API Gateway payload 2.0 event for the function the template names, and the
 * function's response back into HTTP. CORS is answered from the template's CorsConfiguration, as
 * API Gateway does. Requests that cannot be decoded (a bad percent-escape or invalid UTF-8 in the
 * path or query) get the contract's JSON 400 and reach no function.
 */
public final class LocalApiServer implements AutoCloseable {
    /** API Gateway's own payload limit; the functions enforce the contract's smaller one. */
    private static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    /** API Gateway's limit on the request line and headers together. */
    private static final int MAX_HEADER_BYTES = 10 * 1024;
    /**
     * Anything API Gateway would route (ambiguous segments, encoded slashes) reaches our route table
     * raw; escapes that do not decode to UTF-8 are refused.
     */
    private static final UriCompliance URI_COMPLIANCE = UriCompliance.UNSAFE.without("WARTA_LOCAL",
            UriCompliance.Violation.BAD_UTF8_ENCODING, UriCompliance.Violation.UTF16_ENCODINGS);

    private static final String UNREADABLE = "Permintaan tidak dapat dibaca.";
    private static final String LOCAL_ADMIN_USER_ID = "AIDALOCALWARTAADMIN";

    /** Calls the function a route names; tests put a recorder here to see the events. */
    interface Integration {
        APIGatewayV2HTTPResponse invoke(String functionId, APIGatewayV2HTTPEvent event);
    }

    private final RouteTable routes;
    private final Cors cors;
    private final Integration integration;
    private final LocalIamAuthorizer iam;
    private final Server server;
    private final ServerConnector connector;

    /** The reader API ({@link SamTemplate#API}) on {@code port}. */
    public LocalApiServer(LocalCloud cloud, int port) {
        this(cloud, SamTemplate.API, port);
    }

    /** One HttpApi of the template ({@link SamTemplate#API}, {@link SamTemplate#SITE}) on {@code port}. */
    public LocalApiServer(LocalCloud cloud, String apiId, int port) {
        this(cloud, apiId, port, (functionId, event) -> (APIGatewayV2HTTPResponse) cloud.function(functionId).invoke(event));
    }

    LocalApiServer(LocalCloud cloud, int port, Integration integration) {
        this(cloud, SamTemplate.API, port, integration);
    }

    LocalApiServer(LocalCloud cloud, String apiId, int port, Integration integration) {
        this.routes = new RouteTable(cloud.template().httpRoutes(apiId));
        this.cors = Cors.from(cloud.template().corsConfiguration(apiId), cloud.intrinsics());
        this.integration = integration;
        this.iam = new LocalIamAuthorizer(cloud.adminCredentials(), LocalCloud.REGION, Clock.systemUTC());
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("local-api");
        // Functions block on their AWS calls; a virtual thread per request, as Lambda gives each its own container.
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(URI_COMPLIANCE);
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setAcceptQueueSize(256);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
        server.setErrorHandler(LocalApiServer::rejected);
    }

    /** @throws BindException when the port is taken */
    public LocalApiServer start() throws IOException {
        try {
            server.start();
        } catch (IOException e) {
            close();
            // Jetty wraps the BindException; callers tell a port in use from other failures by it.
            throw e.getCause() instanceof BindException taken ? taken : e;
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Cannot start the local API server", e);
        }
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("Stopping the local API server: " + e);
        }
    }

    private void serve(Request request, Response response, Callback callback) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (method.equals("OPTIONS") && origin != null
                && request.getHeaders().contains(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD)) {
            cors.preflight(origin, response.getHeaders());
            respond(response, callback, 204, null);
            return;
        }
        String rawPath = request.getHttpURI().getPath();
        Map<String, List<String>> query;
        try {
            query = HttpApiEvents.query(request.getHttpURI().getQuery());
        } catch (IllegalArgumentException e) {
            sendError(response, callback, origin, 400, "BAD_REQUEST", UNREADABLE);
            return;
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        if (body.length > MAX_PAYLOAD_BYTES) {
            send(response, callback, origin, 413, "{\"message\":\"Request Entity Too Large\"}");
            return;
        }
        RouteTable.Match match = routes.match(method, rawPath).orElse(null);
        if (match == null) {
            send(response, callback, origin, 404, "{\"message\":\"Not Found\"}");
            return;
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = null;
        if (match.route().iamAuthorised()) {
            try {
                authorizer = iamContext(iam.authorize(arrived(request, rawPath, body)));
            } catch (LocalIamAuthorizer.Refused e) {
                sendError(response, callback, origin, 403, "FORBIDDEN", e.getMessage());
                return;
            }
        }
        APIGatewayV2HTTPResponse result;
        try {
            result = integration.invoke(match.route().functionId(),
                    HttpApiEvents.build(request, match, query, body, authorizer));
        } catch (RuntimeException e) {
            // What API Gateway answers when the integration fails; the cause goes to the console only.
            System.err.println("Function " + match.route().functionId() + " failed: " + e + (e.getCause() == null ? "" : ", caused by " + e.getCause()));
            send(response, callback, origin, 500, "{\"message\":\"Internal Server Error\"}");
            return;
        }
        write(response, callback, result, origin);
    }

    private static LocalIamAuthorizer.Arrived arrived(Request request, String rawPath, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return new LocalIamAuthorizer.Arrived(request.getMethod(), rawPath, request.getHttpURI().getQuery(), headers, body);
    }

    /** What API Gateway tells the function about an IAM caller (requestContext.authorizer.iam). */
    private static APIGatewayV2HTTPEvent.RequestContext.Authorizer iamContext(LocalIamAuthorizer.Caller caller) {
        return APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withIam(APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                        .withAccessKey(caller.accessKeyId())
                        .withAccountId(HttpApiEvents.ACCOUNT_ID)
                        .withCallerId(LOCAL_ADMIN_USER_ID)
                        .withUserId(LOCAL_ADMIN_USER_ID)
                        .withUserArn("arn:aws:iam::" + HttpApiEvents.ACCOUNT_ID + ":user/warta-local-admin")
                        .build())
                .build();
    }

    private void write(Response response, Callback callback, APIGatewayV2HTTPResponse result, String origin) {
        HttpFields.Mutable out = response.getHeaders();
        if (result.getHeaders() != null) {
            result.getHeaders().forEach(out::put);
        }
        if (result.getMultiValueHeaders() != null) {
            result.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> out.add(name, v)));
        }
        if (result.getCookies() != null) {
            result.getCookies().forEach(c -> out.add(HttpHeader.SET_COOKIE, c));
        }
        cors.decorate(origin, out);
        byte[] body = result.getBody() == null ? null
                : result.getIsBase64Encoded() ? Base64.getDecoder().decode(result.getBody())
                : result.getBody().getBytes(StandardCharsets.UTF_8);
        respond(response, callback, result.getStatusCode(), body);
    }

    /** The contract's error body, for what the local server itself refuses on API Gateway's behalf. */
    private void sendError(Response response, Callback callback, String origin, int status, String code, String message) {
        send(response, callback, origin, status, errorBody(code, message));
    }

    private void send(Response response, Callback callback, String origin, int status, String json) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        cors.decorate(origin, response.getHeaders());
        respond(response, callback, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        if (body == null || body.length == 0) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, null, callback);
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    /** Requests Jetty refuses before any handler (an undecodable path, oversized headers): the contract's error body. */
    private static boolean rejected(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer s ? s : 400;
        if (status >= 500) {
            System.err.println("Local API server failed on " + request.getMethod() + " " + request.getHttpURI().getPath()
                    + ": " + request.getAttribute(ErrorHandler.ERROR_EXCEPTION));
        }
        String code = switch (status) {
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            default -> status >= 500 ? "INTERNAL" : "BAD_REQUEST";
        };
        String message = status >= 500 ? "Terjadi kesalahan." : UNREADABLE;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        respond(response, callback, status, errorBody(code, message).getBytes(StandardCharsets.UTF_8));
        return true;
    }

    static String errorBody(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        try {
            return Json.mapper().writeValueAsString(Map.of("error", error));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
