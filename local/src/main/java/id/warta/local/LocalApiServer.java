package id.warta.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * `sam local start-api` without Docker: serves every HttpApi route of template.yaml by turning the
 * HTTP request into an API Gateway payload 2.0 event for the function the template names, and the
 * function's response back into HTTP. CORS is answered from the template's CorsConfiguration, as
 * API Gateway does.
 */
public final class LocalApiServer implements AutoCloseable {
    /** API Gateway's own payload limit; the functions enforce the contract's smaller one. */
    private static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    private final LocalCloud cloud;
    private final RouteTable routes;
    private final Cors cors;
    private final SitePages sitePages;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public LocalApiServer(LocalCloud cloud, int port) throws IOException {
        this.cloud = cloud;
        this.routes = new RouteTable(cloud.template().httpRoutes());
        this.cors = Cors.from(cloud.template().corsConfiguration(), cloud.intrinsics());
        this.sitePages = new SitePages();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
    }

    public LocalApiServer start() {
        server.start();
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (method.equals("OPTIONS") && origin != null
                    && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method")) {
                cors.preflight(origin, exchange.getResponseHeaders());
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            if (method.equals("GET") && sitePages.serve(rawPath, exchange)) {
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                send(exchange, 413, "{\"message\":\"Request Entity Too Large\"}", origin);
                return;
            }
            RouteTable.Match match = routes.match(method, rawPath).orElse(null);
            if (match == null) {
                send(exchange, 404, "{\"message\":\"Not Found\"}", origin);
                return;
            }
            APIGatewayV2HTTPResponse response;
            try {
                response = (APIGatewayV2HTTPResponse) cloud.function(match.route().functionId())
                        .invoke(event(exchange, method, rawPath, match, body));
            } catch (RuntimeException e) {
                // What API Gateway answers when the integration fails; the cause goes to the console only.
                System.err.println("Function " + match.route().functionId() + " failed: " + e);
                send(exchange, 500, "{\"message\":\"Internal Server Error\"}", origin);
                return;
            }
            write(exchange, response, origin);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        return bytes.length > MAX_PAYLOAD_BYTES ? null : bytes;
    }

    private APIGatewayV2HTTPEvent event(HttpExchange exchange, String method, String rawPath, RouteTable.Match match,
                                       byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headers.put(key, String.join(",", values));
            }
        });
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String text = utf8(body);
        String requestId = UUID.randomUUID().toString();
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().routeKey())
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query(rawQuery))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withBody(body.length == 0 ? null : text != null ? text : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && text == null)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(match.route().routeKey())
                        .withRequestId(requestId)
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withStage("$default")
                        .withDomainName("127.0.0.1")
                        .withTimeEpoch(Instant.now().toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(rawPath)
                                .withProtocol(exchange.getProtocol())
                                .withSourceIp(sourceIp)
                                .withUserAgent(headers.getOrDefault("user-agent", ""))
                                .build())
                        .build())
                .build();
    }

    /** Payload 2.0 joins repeated query parameters with commas. */
    private static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.merge(name, value, (a, b) -> a + "," + b);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void write(HttpExchange exchange, APIGatewayV2HTTPResponse response, String origin) throws IOException {
        Headers out = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(out::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> out.add(name, v)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(c -> out.add("Set-Cookie", c));
        }
        cors.decorate(origin, out);
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(body);
            }
        }
    }

    private void send(HttpExchange exchange, int status, String json, String origin) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        cors.decorate(origin, exchange.getResponseHeaders());
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(body);
        }
    }
}
