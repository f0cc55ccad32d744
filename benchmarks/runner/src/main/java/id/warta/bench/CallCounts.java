package id.warta.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import id.warta.dynamo.AccountsTable;
import id.warta.dynamo.Attr;
import id.warta.dynamo.DynamoSessions;
import id.warta.identity.AccessTokens;
import id.warta.local.LocalCloud;
import id.warta.local.LocalFunction;
import id.warta.sessions.CredentialChain;
import id.warta.sessions.Sessions;
import id.warta.sessions.SignInMethod;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * AWS calls per request for the routes that matter for cost, counted by an SDK interceptor around
 * the real handlers, with the warm duration each needs (for Lambda GB-seconds).
 */
final class CallCounts {
    static final String METERED_SLUG = "petani-karawang-tunda-tanam-karena-pupuk-langka";
    private static final int WARM_INVOCATIONS = 50;

    record RouteCost(String route, Map<String, Long> calls, double readUnits, double writeUnits, long emails,
                     double warmMillis) {
        long dynamoReads() {
            return count("GetItem", "BatchGetItem", "Query", "Scan");
        }

        long dynamoWrites() {
            return count("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");
        }

        private long count(String... operations) {
            long total = 0;
            for (String operation : operations) {
                total += calls.getOrDefault("dynamodb:" + operation, 0L);
            }
            return total;
        }

        /** "GetItem ×1, BatchWriteItem ×1" */
        String operations() {
            return String.join(", ", calls.entrySet().stream()
                    .map(e -> e.getKey().substring(e.getKey().indexOf(':') + 1) + " ×" + e.getValue()).toList());
        }
    }

    private CallCounts() {
    }

    static List<RouteCost> measure(LocalCloud cloud) throws Exception {
        AccessTokens tokens = cloud.accessTokens();
        LocalFunction articles = cloud.function("ArticlesFunction");
        LocalFunction views = cloud.function("ViewsFunction");
        LocalFunction accounts = cloud.function("AccountsFunction");
        LocalFunction mailer = cloud.function("ActivationMailerFunction");
        String sweep = Files.readString(cloud.root().resolve("events/activation-mailer/sweep-schedule.json"));
        String slug = "harga-beras-medium-naik-di-pasar-induk";

        List<RouteCost> costs = new ArrayList<>();
        costs.add(count("GET /articles/{slug} — free article, anonymous",
                () -> http("GET /articles/{slug}", "GET", "/articles/" + slug, Map.of("slug", slug), Map.of(), null),
                articles, 0));
        costs.add(count("GET /articles/{slug} — metered article, signed in",
                () -> http("GET /articles/{slug}", "GET", "/articles/" + METERED_SLUG, Map.of("slug", METERED_SLUG),
                        Map.of("authorization", "Bearer " + tokens.issue(activatedReader(cloud), 0)), null),
                articles, 0));
        costs.add(count("POST /articles/{slug}/views — unlock with a credit",
                () -> http("POST /articles/{slug}/views", "POST", "/articles/" + METERED_SLUG + "/views",
                        Map.of("slug", METERED_SLUG),
                        Map.of("authorization", "Bearer " + tokens.issue(activatedReader(cloud), 0)), "{}"),
                views, 0));
        costs.add(count("GET /articles/{slug}/recommendations",
                () -> http("GET /articles/{slug}/recommendations", "GET", "/articles/" + slug + "/recommendations",
                        Map.of("slug", slug), Map.of("x-reader-id", UUID.randomUUID().toString()), null),
                articles, 0));
        RouteCost register = count("POST /auth/register (request path)",
                () -> http("POST /auth/register", "POST", "/auth/register", Map.of(), Map.of(),
                        "{\"email\":\"bench-" + UUID.randomUUID() + "@warta.example\",\"password\":\"kata-sandi-bench\",\"name\":\"Bench\"}"),
                accounts, 0);
        costs.add(register);
        Sessions sessions = new Sessions(new DynamoSessions(cloud.dynamo(), accountsTable(cloud)), new CredentialChain(cloud.serverKey()),
                tokens, new SecureRandom(), measurements -> { }, Clock.systemUTC());
        costs.add(count("POST /auth/refresh — rotate the session credential",
                () -> refresh(sessions.start(activatedReader(cloud), 0, true, SignInMethod.PASSWORD).credential().value()), accounts, 0));
        CountingInterceptor.reset();
        long started = System.nanoTime();
        mailer.invokeJson(sweep);
        double sweepMillis = (System.nanoTime() - started) / 1_000_000.0;
        Map<String, Long> delivery = CountingInterceptor.calls();
        long emails = Math.max(1, delivery.getOrDefault("ses:SendEmail", 0L));
        costs.add(new RouteCost("activation-mailer — deliveries of those registrations, per email", perEmail(delivery, emails),
                CountingInterceptor.readUnits() / emails, CountingInterceptor.writeUnits() / emails, 1, sweepMillis / emails));
        return costs;
    }

    /** Per email; the sweep's one Query for the pending items is shared by all of them and rounds away. */
    private static Map<String, Long> perEmail(Map<String, Long> calls, long emails) {
        Map<String, Long> each = new LinkedHashMap<>();
        calls.forEach((k, v) -> {
            long share = Math.round((double) v / emails);
            if (share > 0) {
                each.put(k, share);
            }
        });
        return each;
    }

    /** Counts one cold-cache-free invocation (after a warm-up), then times warm ones. */
    private static RouteCost count(String route, Supplier<APIGatewayV2HTTPEvent> event, LocalFunction function, long emails) {
        function.invoke(event.get());
        APIGatewayV2HTTPEvent measured = event.get();
        CountingInterceptor.reset();
        function.invoke(measured);
        Map<String, Long> calls = CountingInterceptor.calls();
        double read = CountingInterceptor.readUnits();
        double write = CountingInterceptor.writeUnits();
        List<APIGatewayV2HTTPEvent> events = new ArrayList<>();
        for (int i = 0; i < WARM_INVOCATIONS; i++) {
            events.add(event.get());
        }
        long started = System.nanoTime();
        events.forEach(function::invoke);
        double warm = (System.nanoTime() - started) / 1_000_000.0 / WARM_INVOCATIONS;
        return new RouteCost(route, calls, read, write, emails, warm);
    }

    /** A refresh of a session started as a sign-in starts it (its own session, so each one rotates). */
    private static APIGatewayV2HTTPEvent refresh(String credential) {
        APIGatewayV2HTTPEvent event = http("POST /auth/refresh", "POST", "/auth/refresh", Map.of(), Map.of(), null);
        event.setCookies(List.of("warta_session=" + credential));
        return event;
    }

    private static String accountsTable(LocalCloud cloud) {
        return cloud.environmentOf(cloud.template().functions().getFirst()).get("ACCOUNTS_TABLE");
    }

    /** An activated account with no credit used yet, written as the accounts function writes it. */
    private static String activatedReader(LocalCloud cloud) {
        String id = UUID.randomUUID().toString();
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new HashMap<>(AccountsTable.key(id));
        item.put(AccountsTable.ACTIVATED, Attr.bool(true));
        item.put(AccountsTable.CREDENTIAL_VERSION, Attr.n(0));
        cloud.dynamo().putItem(b -> b.tableName(accountsTable(cloud)).item(item));
        return id;
    }

    static APIGatewayV2HTTPEvent http(String routeKey, String method, String path, Map<String, String> pathParameters,
                                      Map<String, String> headers, String body) {
        Map<String, String> allHeaders = new HashMap<>(headers);
        allHeaders.put("content-type", "application/json");
        allHeaders.put("user-agent", "Mozilla/5.0 (bench)");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(routeKey).withRawPath(path).withHeaders(allHeaders)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString()).withRouteKey(routeKey)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withSourceIp("127.0.0.1").withProtocol("HTTP/1.1").build())
                        .build())
                .build();
    }
}
