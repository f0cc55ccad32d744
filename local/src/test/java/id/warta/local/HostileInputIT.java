package id.warta.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import id.warta.identity.SigningKey;
import id.warta.json.Json;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated malformed requests, in real API Gateway v2 shapes, through every route's
 * handler (seeded, so a failure reproduces): zero 5xx, every 4xx with the contract's error body, every
 * answer as openapi.yaml documents it for its route, and nothing in any response that looks like a
 * stack trace or a class name (session cookies and Origins included). Then, over HTTP, every field, path and query parameter and identity
 * header at lengths up to the body limit.
 */
class HostileInputIT {
    private static final int CASES = 2_400;
    private static final long SEED = 20261126L;

    private final TestStack stack = TestStack.shared();
    private final OpenApiContract contract = OpenApiContract.document();
    private final Random random = new Random(SEED);
    private SigningKey signer;

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
                .withCookies(hostileCookies())
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
        // Mostly JSON, so that most bodies get past the media-type check into the routes.
        headers.put("content-type", random.nextInt(4) == 0 ? "text/plain" : "application/json");
        headers.put("user-agent", random.nextInt(10) == 0 ? "Googlebot/2.1" : "Mozilla/5.0");
        switch (random.nextInt(9)) {
            case 0 -> headers.put("authorization", "Bearer " + JWT.create().withIssuer("warta").withSubject("x")
                    .withClaim("cv", 0L).withExpiresAt(Instant.now().plusSeconds(600))
                    .sign(Algorithm.HMAC256("not-our-secret-not-our-secret-not-our-secret")));
            case 1 -> headers.put("authorization", "Bearer "
                    + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                    + "." + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"x\",\"iss\":\"warta\"}".getBytes()) + ".");
            case 2 -> headers.put("authorization", "Bearer " + JWT.create().withKeyId(signer().id()).withIssuer("evil").withSubject("x")
                    .withClaim("cv", 0L).withExpiresAt(Instant.now().plusSeconds(600)).sign(Algorithm.HMAC256(signer().material())));
            case 3 -> headers.put("authorization", "Bearer " + JWT.create().withKeyId(signer().id()).withIssuer("warta").withSubject("x")
                    .withClaim("cv", 0L).withIssuedAt(Instant.now().minusSeconds(7200))
                    .withExpiresAt(Instant.now().minusSeconds(3600)).sign(Algorithm.HMAC256(signer().material())));
            case 4 -> headers.put("authorization", random.nextBoolean() ? "Bearer" : "Basic dXNlcjpwYXNz");
            case 5 -> headers.put("x-reader-id", random.nextBoolean() ? "not-a-uuid" : "00000000-0000-1000-8000-000000000000");
            case 6 -> headers.put("accept-language", "\u0000;q=abc," + "x".repeat(3000));
            case 7 -> headers.put("origin", random.nextBoolean() ? "https://evil.example" : "null");
            default -> {
            }
        }
        return headers;
    }

    /** Session cookies (and others) in every wrong shape, and well-formed ones that open no session. */
    private List<String> hostileCookies() {
        String account = "00000000-0000-4000-8000-000000000000";
        return switch (random.nextInt(8)) {
            case 0 -> List.of("warta_session=");
            case 1 -> List.of("warta_session=" + "a".repeat(5_000));
            case 2 -> List.of("warta_session=" + account + "." + "A".repeat(22) + "." + "B".repeat(43));
            case 3 -> List.of("warta_session=../../x.%00.\u0000", "warta_session=second");
            case 4 -> List.of("warta_session=" + "ACCOUNT#x.SESSION#y." + "C".repeat(43));
            case 5 -> List.of("other=1", "=", ";;");
            default -> null;
        };
    }

    /** The key the functions sign with: these tokens fail on their claims, not on their signature. */
    private SigningKey signer() {
        if (signer == null) {
            signer = stack.cloud().accessTokenKeys().signer();
        }
        return signer;
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

    @Test
    void malformedRequestsOnEverySitePathNeverCauseA5xxAndAnswerHtmlThatLeaksNothing() {
        SamTemplate.HttpRoute site = stack.cloud().template().httpRoutes(SamTemplate.SITE).getFirst();
        List<String> shapes = List.of("/", "/%s", "/%s/%s", "/%s/rss.xml", "/assets/%s", "/sitemap-%s.xml", "/aktivasi",
                "/%s/%s/%s", "/video", "/masuk");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES / 4; i++) {
            String path = shapes.get(random.nextInt(shapes.size())).formatted(hostileSegment(), hostileSegment(), hostileSegment());
            String method = List.of("GET", "GET", "GET", "HEAD", "POST", "DELETE").get(random.nextInt(6));
            Map<String, String> query = hostileQuery();
            if (random.nextInt(4) == 0) {
                query.put("cursor", random.nextBoolean() ? "z".repeat(5_000) : "eyJwayI6IkFSVElDTEUjeCJ9");
            }
            APIGatewayV2HTTPResponse response = (APIGatewayV2HTTPResponse) stack.cloud().function(site.functionId())
                    .invoke(event("$default", method, path, Map.of(), query, hostileHeaders(),
                            bodies.get(random.nextInt(bodies.size())).get(), false));

            String text = response.getBody() == null ? "" : response.getBody();
            String label = method + " " + abbreviate(path) + " case " + i;
            if (response.getStatusCode() >= 500) {
                failures.add(label + " -> " + response.getStatusCode() + " " + abbreviate(text));
            } else if (response.getStatusCode() >= 400 && !"text/html; charset=utf-8".equals(response.getHeaders().get("content-type"))) {
                failures.add(label + " -> not an HTML error page: " + response.getHeaders().get("content-type"));
            }
            if (text.matches("(?s).*(Exception|\\bat [a-z]+\\.[a-z]+\\.|java\\.|id\\.warta\\.|software\\.amazon).*")) {
                failures.add(label + " -> internals in body: " + abbreviate(text));
            }
        }
        for (String path : List.of("/" + "a".repeat(5_000), "/ekonomi/" + "a".repeat(5_000), "/ekonomi?cursor=" + "z".repeat(5_000),
                "/%C3%BC/%F0%9F%98%80", "/ekonomi/..%2F..%2Fetc%2Fpasswd", "/assets/..%2Fsite.css")) {
            TestStack.Response response = stack.page(path);
            if (response.status() >= 500 || response.body().contains("Exception")) {
                failures.add("HTTP " + abbreviate(path) + " -> " + response.status() + " " + abbreviate(response.body()));
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A body field of {@code length} characters; an address stays address-shaped, so only its length is wrong. */
    private static String ofLength(String field, int length) {
        return field.equals("email") ? "a".repeat(length - "@example.id".length()) + "@example.id" : "x".repeat(length);
    }

    private static String json(Map<String, ?> body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertClientError(String label, TestStack.Response response, List<String> failures) {
        if (response.status() < 400 || response.status() >= 500 || response.errorCode() == null) {
            failures.add(label + " -> " + response.status() + " " + abbreviate(response.body()));
        }
    }

    @Test
    void everyBodyFieldAtEveryLengthIsRefusedWithA4xxBeforeAnyKeyIsBuilt() {
        String nonce = "nonce-" + random.nextInt(1_000_000);
        Map<String, Map<String, String>> validBodies = Map.of(
                "/auth/register", Map.of("email", AccountsMailbox.uniqueAddress("long"), "password", "kopi-tubruk-2026", "name", "Sari"),
                "/auth/activation/resend", Map.of("email", AccountsMailbox.uniqueAddress("long")),
                "/auth/activate", Map.of("token", "00000000-0000-4000-8000-000000000000." + "A".repeat(43)),
                "/auth/login", Map.of("email", AccountsMailbox.uniqueAddress("long"), "password", "kopi-tubruk-2026"),
                "/auth/password/forgot", Map.of("email", AccountsMailbox.uniqueAddress("long")),
                "/auth/password/reset", Map.of("token", "00000000-0000-4000-8000-000000000000." + "A".repeat(43),
                        "password", "kopi-tubruk-2026"),
                "/auth/oidc/google", Map.of("idToken", stack.oidcIssuer().mint(stack.oidcIssuer()
                        .claims(AccountsMailbox.uniqueAddress("long"), nonce).build()), "nonce", nonce));
        List<String> failures = new ArrayList<>();
        validBodies.forEach((path, valid) -> valid.keySet().forEach(field -> {
            for (int length : new int[] {255, 2_100, 60_000}) {
                Map<String, String> body = new HashMap<>(valid);
                body.put(field, ofLength(field, length));
                TestStack.Response response = stack.post(path, json(body));
                String label = path + " " + field + " of " + length;
                assertClientError(label, response, failures);
                if (field.equals("email") && length > 255
                        && !(response.errorCode().equals("VALIDATION_FAILED") && response.json().path("error").path("fields").has("email"))) {
                    failures.add(label + " -> not a validation error of the address: " + abbreviate(response.body()));
                }
            }
        }));
        assertThat(failures).isEmpty();
    }

    /** The newsroom's article body: every field of a valid one made wrong (type, length, shape) is named in the refusal. */
    @Test
    void everyArticleFieldOfTheWrongTypeOrLengthIsAValidationErrorNamingIt() {
        Map<String, Object> valid = new HashMap<>(Map.of("title", "Judul", "summary", "Ringkas", "section", "nasional",
                "edition", "koran", "coverStory", false, "sponsored", false, "reporter", "Rina", "editor", "Dimas",
                "sources", List.of("ANTARA"), "tags", List.of("uji")));
        valid.put("body", List.of("Satu."));
        valid.put("image", null);
        valid.put("publishAt", "2099-01-01T00:00:00+07:00");
        valid.put("editorsPick", null);

        assertThat(wronglyFilledFieldsNotNamed("/admin/articles/uji-isian-salah", valid,
                (field, value) -> value instanceof Boolean && Set.of("coverStory", "sponsored").contains(field))).isEmpty();
        assertThat(stack.get("/articles/uji-isian-salah").status()).isEqualTo(404);
    }

    /** The newsroom's video body, as the article's. */
    @Test
    void everyVideoFieldOfTheWrongTypeOrLengthIsAValidationErrorNamingIt() {
        Map<String, Object> valid = new HashMap<>(Map.of("title", "Judul", "summary", "Ringkas",
                "thumbnail", Map.of("url", "https://img.warta.example/v.jpg", "caption", "Cuplikan", "credit", "Warta TV"),
                "videoUrl", "https://video.warta.example/v.m3u8", "durationSeconds", 90,
                "publishAt", "2099-01-01T00:00:00+07:00"));

        assertThat(wronglyFilledFieldsNotNamed("/admin/videos/uji-isian-salah", valid,
                (field, value) -> value instanceof Integer && field.equals("durationSeconds"))).isEmpty();
        assertThat(stack.get("/videos?limit=20").json().path("items").findValuesAsText("id")).doesNotContain("uji-isian-salah");
    }

    /**
     * Sends {@code valid} signed with each field in turn made wrong (type, length, shape): what comes
     * back that is not a client error naming that field first (or a 413 for the oversized one).
     *
     * @param rightValue which of the wrong values is right for a field after all (a boolean, a number)
     */
    private List<String> wronglyFilledFieldsNotNamed(String path, Map<String, Object> valid,
                                                     BiPredicate<String, Object> rightValue) {
        List<Object> wrongValues = List.of(42, true, "x".repeat(60_000), List.of(7), Map.of("a", 1), "");
        List<String> failures = new ArrayList<>();
        for (String field : valid.keySet()) {
            for (Object wrong : wrongValues) {
                if (rightValue.test(field, wrong)) {
                    continue;
                }
                Map<String, Object> body = new HashMap<>(valid);
                body.put(field, wrong);
                String label = "PUT " + path + " " + field + " = " + abbreviate(String.valueOf(wrong));
                TestStack.Response response = stack.sendSigned("PUT", path, json(body));
                assertClientError(label, response, failures);
                boolean namedAtOnce = response.status() == 413
                        || "VALIDATION_FAILED".equals(response.errorCode())
                        && response.json().path("error").path("fields").fieldNames().next().startsWith(field);
                if (!namedAtOnce) {
                    failures.add(label + " -> not a validation error naming the field: " + abbreviate(response.body()));
                }
            }
        }
        return failures;
    }

    @Test
    void anIdTokenVouchingForAnOverlongAddressIsUnauthorised() {
        String nonce = "nonce-" + random.nextInt(1_000_000);
        String idToken = stack.oidcIssuer().mint(stack.oidcIssuer().claims(ofLength("email", 2_100), nonce).build());

        TestStack.Response response = stack.post("/auth/oidc/google", json(Map.of("idToken", idToken, "nonce", nonce)));

        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void overlongPathsQueryParametersAndIdentityHeadersAreClientErrors() {
        String longSlug = "a".repeat(5_000);
        List<String> failures = new ArrayList<>();
        assertClientError("article", stack.get("/articles/" + longSlug), failures);
        assertClientError("recommendations", stack.get("/articles/" + longSlug + "/recommendations"), failures);
        assertClientError("view", stack.post("/articles/" + longSlug + "/views", "{}"), failures);
        assertClientError("provider", stack.post("/auth/oidc/" + longSlug, "{}"), failures);
        for (String name : List.of("limit", "cursor", "section", "edition")) {
            for (String path : List.of("/articles", "/trending", "/videos")) {
                TestStack.Response response = stack.get(path + "?" + name + "=" + "z".repeat(5_000));
                if (response.status() >= 500) {
                    failures.add(path + " " + name + " -> " + response.status());
                }
            }
        }
        assertClientError("X-Reader-Id", stack.get("/articles", "X-Reader-Id", "f".repeat(5_000)), failures);
        assertClientError("Authorization", stack.get("/me", "Authorization", "Bearer " + "e".repeat(5_000)), failures);
        assertThat(failures).isEmpty();
    }

    @Test
    void anOverlongAccountIdNamesNoAccount() throws Exception {
        SamTemplate.HttpRoute route = stack.cloud().template().httpRoutes().stream()
                .filter(r -> "PUT /admin/accounts/{accountId}/subscription".equals(r.routeKey())).findFirst().orElseThrow();
        String accountId = "a".repeat(3_000);
        APIGatewayV2HTTPEvent event = event(route.routeKey(), "PUT", "/admin/accounts/" + accountId + "/subscription",
                Map.of("accountId", accountId), Map.of(), Map.of("content-type", "application/json"),
                "{\"subscriber\":true}", false);

        APIGatewayV2HTTPResponse response = (APIGatewayV2HTTPResponse) stack.cloud().function(route.functionId()).invoke(event);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(404);
        assertThat(Json.mapper().readTree(response.getBody()).path("error").path("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void addressesOutsideTheDocumentedSyntaxNeverReachAnAccountOrTheMailer() {
        List<String> badAddresses = List.of("x\u0000@example.id", "x\u0085@example.id", "x\u2028y@example.id",
                "\u200ex@example.id", "a..b@example.id", ".a@example.id", "a.@example.id", "a@-example.id",
                "\"a b\"@example.id", "(c)a@example.id", "a@[192.0.2.1]");
        List<String> failures = new ArrayList<>();
        for (String address : badAddresses) {
            String label = address.replaceAll("\\p{C}", "?");
            for (Map<String, String> body : List.of(
                    Map.of("path", "/auth/register", "email", address, "password", "kopi-tubruk-2026", "name", "Sari"),
                    Map.of("path", "/auth/activation/resend", "email", address),
                    Map.of("path", "/auth/password/forgot", "email", address))) {
                Map<String, String> fields = new HashMap<>(body);
                String path = fields.remove("path");
                TestStack.Response response = stack.post(path, json(fields));
                if (response.status() != 400 || !"VALIDATION_FAILED".equals(response.errorCode())
                        || !response.json().path("error").path("fields").has("email")) {
                    failures.add(path + " " + label + " -> " + response.status() + " " + abbreviate(response.body()));
                }
            }
            if (stack.cloud().dynamo().getItem(b -> b.tableName(AccountsApiIT.ACCOUNTS_TABLE).key(Map.of(
                    "pk", AttributeValue.fromS("EMAIL#" + address.strip().toLowerCase(java.util.Locale.ROOT)),
                    "sk", AttributeValue.fromS("EMAIL")))).hasItem()) {
                failures.add(label + " -> an account owns it");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void namesWithBidiOrControlCharactersAreValidationErrors() {
        for (String name : List.of("\u202eevil.exe", "Sari\u200f", "a\u2066b\u2069", "Sari\u0000", "Sari\u2028Dewi")) {
            TestStack.Response response = stack.post("/auth/register", json(Map.of(
                    "email", AccountsMailbox.uniqueAddress("name"), "password", "kopi-tubruk-2026", "name", name)));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("VALIDATION_FAILED");
            assertThat(response.json().path("error").path("fields").has("name")).isTrue();
        }
    }

    @Test
    void aBodyWithADuplicateKeyIsABadRequestOnEveryJsonRoute() {
        String first = AccountsMailbox.uniqueAddress("dup");
        String second = AccountsMailbox.uniqueAddress("dup");
        Map<String, String> bodies = Map.of(
                "/auth/register", "{\"email\":\"" + first + "\",\"email\":\"" + second + "\",\"password\":\"kopi-tubruk-2026\",\"name\":\"Sari\"}",
                "/auth/login", "{\"email\":\"" + first + "\",\"password\":\"a-password\",\"password\":\"kopi-tubruk-2026\"}",
                "/auth/password/forgot", "{\"email\":\"" + first + "\",\"email\":\"" + second + "\"}",
                "/auth/oidc/google", "{\"idToken\":\"x\",\"nonce\":\"n\",\"nonce\":\"m\"}",
                "/articles/harga-beras-medium-naik-di-pasar-induk/views", "{\"a\":1,\"a\":1}");
        bodies.forEach((path, body) -> {
            TestStack.Response response = stack.post(path, body);

            assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
            assertThat(response.errorCode()).as(path).isEqualTo("BAD_REQUEST");
        });
    }

    /** A POST as a cross-site form or script can send it without a CORS preflight: any Content-Type, or none. */
    private TestStack.Response postAs(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.api().resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new TestStack.Response(response.statusCode(), response.headers().map(), response.body());
    }

    @Test
    void aBodyThatIsNotDeclaredAsJsonIsUnsupportedOnEveryPostRoute() throws Exception {
        List<String> paths = stack.cloud().template().httpRoutes().stream()
                .filter(r -> "POST".equals(r.method()))
                .map(r -> r.path().replace("{slug}", "harga-beras-medium-naik-di-pasar-induk").replace("{provider}", "google"))
                .toList();
        String body = json(Map.of("email", AccountsMailbox.uniqueAddress("media"), "password", "kopi-tubruk-2026", "name", "Sari"));
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            for (String contentType : new String[] {"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", null}) {
                TestStack.Response response = postAs(path, contentType, body);
                if (response.status() != 415 || !"UNSUPPORTED_MEDIA_TYPE".equals(response.errorCode())) {
                    failures.add(path + " as " + contentType + " -> " + response.status() + " " + abbreviate(response.body()));
                }
            }
        }
        assertThat(paths).contains("/auth/register", "/auth/password/forgot", "/articles/harga-beras-medium-naik-di-pasar-induk/views");
        assertThat(failures).isEmpty();
    }

    @Test
    void aViewWithoutABodyNeedsNoContentType() throws Exception {
        TestStack.Response response = postAs("/articles/harga-beras-medium-naik-di-pasar-induk/views", null, null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("access").path("granted").asBoolean()).isTrue();
    }

    private static String abbreviate(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), 0, Math.min(300, text.length()), StandardCharsets.UTF_8);
    }
}
