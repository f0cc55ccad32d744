package id.warta.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import id.warta.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated malformed requests, in real API Gateway v2 shapes, through every route's
 * handler (seeded, so a failure reproduces): zero 5xx, every 4xx with the contract's error body, every
 * answer as openapi.yaml documents it for its route, and nothing in any response that looks like a
 * stack trace or a class name.
 */
class HostileInputIT {
    private static final int CASES = 2_400;
    private static final long SEED = 20261126L;

    private final TestStack stack = TestStack.shared();
    private final OpenApiContract contract = OpenApiContract.document();
    private final Random random = new Random(SEED);

    private final List<Supplier<String>> bodies = List.of(
            () -> "{",
            () -> "{\"email\":",
            () -> "[]",
            () -> "[{\"email\":\"a@b.id\"}]",
            () -> "null",
            () -> "42",
            () -> "\"string\"",
            () -> "{\"email\":42,\"password\":true,\"name\":[]}",
            () -> "{\"email\":{\"$ne\":null},\"password\":{}}",
            () -> "{\"token\":null,\"password\":null}",
            () -> "{\"subscriber\":\"yes\",\"until\":12}",
            () -> "{\"email\":\"" + "a".repeat(1_000_000) + "@b.id\"}",
            () -> "{\"name\":\"\\u0000\\u0001\\u001f\",\"email\":\"x\\u0000@y.id\",\"password\":\"\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\"}",
            () -> "{\"email\":\"a@b.id\",\"password\":\"pendek\",\"name\":\"N\",\"extra\":{\"deep\":[1,2,3]}}",
            () -> "{\"idToken\":\"" + "x".repeat(10_000) + "\",\"nonce\":5}",
            () -> "{" + "\"a\":[".repeat(200) + "1" + "]".repeat(200) + "}",
            () -> "{\"email\":\"a@b.id\"}" + "garbage",
            () -> "\u0000\u0000\u0000",
            () -> "",
            () -> "{}");

    private APIGatewayV2HTTPEvent event(String routeKey, String method, String path, Map<String, String> pathParameters,
                                        Map<String, String> query, Map<String, String> headers, String body,
                                        boolean base64) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("hostile-" + random.nextInt(1_000_000))
                        .withRouteKey(routeKey)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withSourceIp("127.0.0.1").withProtocol("HTTP/1.1").build())
                        .build())
                .build();
    }

    private String hostileSegment() {
        return switch (random.nextInt(8)) {
            case 0 -> "../../etc/passwd";
            case 1 -> "a".repeat(5_000);
            case 2 -> "%00%2e%2e%2f";
            case 3 -> "judul\u0000nol";
            case 4 -> "ÜñíçØdé-😀";
            case 5 -> "";
            case 6 -> "ARTICLE#x";
            default -> "slug-" + random.nextInt(100);
        };
    }

    private Map<String, String> hostileHeaders() {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", random.nextBoolean() ? "application/json" : "text/plain");
        headers.put("user-agent", random.nextInt(10) == 0 ? "Googlebot/2.1" : "Mozilla/5.0");
        switch (random.nextInt(9)) {
            case 0 -> headers.put("authorization", "Bearer " + JWT.create().withIssuer("warta").withSubject("x")
                    .withClaim("cv", 0L).withExpiresAt(Instant.now().plusSeconds(600))
                    .sign(Algorithm.HMAC256("not-our-secret-not-our-secret-not-our-secret")));
            case 1 -> headers.put("authorization", "Bearer "
                    + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                    + "." + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"x\",\"iss\":\"warta\"}".getBytes()) + ".");
            case 2 -> headers.put("authorization", "Bearer " + JWT.create().withIssuer("evil").withSubject("x")
                    .withClaim("cv", 0L).withExpiresAt(Instant.now().plusSeconds(600)).sign(Algorithm.HMAC256(secret())));
            case 3 -> headers.put("authorization", "Bearer " + JWT.create().withIssuer("warta").withSubject("x")
                    .withClaim("cv", 0L).withIssuedAt(Instant.now().minusSeconds(7200))
                    .withExpiresAt(Instant.now().minusSeconds(3600)).sign(Algorithm.HMAC256(secret())));
            case 4 -> headers.put("authorization", random.nextBoolean() ? "Bearer" : "Basic dXNlcjpwYXNz");
            case 5 -> headers.put("x-reader-id", random.nextBoolean() ? "not-a-uuid" : "00000000-0000-1000-8000-000000000000");
            case 6 -> headers.put("accept-language", "\u0000;q=abc," + "x".repeat(3000));
            default -> {
            }
        }
        return headers;
    }

    private String secret() {
        return stack.cloud().environmentOf(stack.cloud().template().functions().getFirst()).get("ACCESS_TOKEN_SECRET");
    }

    private Map<String, String> hostileQuery() {
        Map<String, String> query = new HashMap<>();
        String[] values = {"-1", "0", "999999999999", "abc", "", "1e3", "%00", "20", "cursor", "ZZZZ"};
        for (String name : new String[] {"limit", "cursor", "section", "edition"}) {
            if (random.nextInt(3) == 0) {
                query.put(name, values[random.nextInt(values.length)]);
            }
        }
        return query;
    }

    @Test
    void malformedRequestsOnEveryRouteNeverCauseA5xxOrLeakInternals() throws Exception {
        List<SamTemplate.HttpRoute> routes = stack.cloud().template().httpRoutes();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < CASES; i++) {
            SamTemplate.HttpRoute route = routes.get(random.nextInt(routes.size()));
            String method = route.method() == null ? List.of("DELETE", "PATCH", "GET").get(random.nextInt(3)) : route.method();
            Map<String, String> pathParameters = new HashMap<>();
            String path = route.path() == null ? "/" + hostileSegment() + "/" + hostileSegment() : route.path();
            if (route.path() != null) {
                for (String name : List.of("slug", "provider", "accountId")) {
                    if (path.contains("{" + name + "}")) {
                        String value = hostileSegment();
                        pathParameters.put(name, value);
                        path = path.replace("{" + name + "}", value);
                    }
                }
            }
            String body = bodies.get(random.nextInt(bodies.size())).get();
            boolean base64 = random.nextInt(6) == 0;
            if (base64) {
                body = random.nextBoolean()
                        ? Base64.getEncoder().encodeToString(new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'})
                        : "%%%not-base64%%%";
            }
            APIGatewayV2HTTPEvent event = event(route.routeKey(), method, path, pathParameters, hostileQuery(),
                    hostileHeaders(), body, base64);

            APIGatewayV2HTTPResponse response =
                    (APIGatewayV2HTTPResponse) stack.cloud().function(route.functionId()).invoke(event);
            sent++;

            String text = response.getBody() == null ? "" : response.getBody();
            String label = route.routeKey() + " case " + i;
            contract.problems(OpenApiContract.Exchange.answered(method, route.path() == null ? path : route.path(), response))
                    .forEach(problem -> failures.add(label + " -> " + problem));
            if (response.getStatusCode() >= 500) {
                failures.add(label + " -> " + response.getStatusCode() + " " + abbreviate(text));
            } else if (response.getStatusCode() >= 400) {
                JsonNode error = Json.mapper().readTree(text).path("error");
                if (!error.path("code").isTextual() || !error.path("message").isTextual()) {
                    failures.add(label + " -> no contract error body: " + abbreviate(text));
                }
            }
            if (text.matches("(?s).*(Exception|\\bat [a-z]+\\.[a-z]+\\.|java\\.|id\\.warta\\.|software\\.amazon).*")) {
                failures.add(label + " -> internals in body: " + abbreviate(text));
            }
        }
        assertThat(sent).isGreaterThanOrEqualTo(2_000);
        assertThat(failures).isEmpty();
    }

    private static String abbreviate(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), 0, Math.min(300, text.length()), StandardCharsets.UTF_8);
    }
}
