package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import id.warta.dynamo.DynamoContentRepository;
import id.warta.json.Json;
import id.warta.local.oidc.LocalOidcIssuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The integration-test stack, started once per test JVM: the emulators (dynalite and
 * aws-ses-v2-local by default; LocalStack with -Plocalstack), the tables of template.yaml, the
 * sample content, and the local API server, which the tests call over HTTP like a browser would.
 */
public final class TestStack {
    private static TestStack shared;

    private final LocalCloud cloud;
    private final LocalApiServer server;
    private final Seeder.Seeded seeded;
    private final LocalOidcIssuer oidcIssuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestStack(LocalCloud cloud, LocalApiServer server, Seeder.Seeded seeded, LocalOidcIssuer oidcIssuer) {
        this.cloud = cloud;
        this.server = server;
        this.seeded = seeded;
        this.oidcIssuer = oidcIssuer;
    }

    public static synchronized TestStack shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static TestStack start() {
        java.nio.file.Path root = ProjectRoot.find();
        Emulators emulators = "localstack".equals(System.getProperty("warta.emulator"))
                ? LocalStackEmulators.start(root)
                : Emulators.start(root);
        int port = Emulators.freePort();
        String api = "http://127.0.0.1:" + port;
        LocalOidcIssuer oidcIssuer;
        try {
            oidcIssuer = LocalOidcIssuer.start(0);
        } catch (IOException e) {
            emulators.close();
            throw new IllegalStateException(e);
        }
        Map<String, String> parameters = new HashMap<>(oidcIssuer.googleParameters());
        parameters.put("SiteUrl", api);
        parameters.put("SiteOrigin", "http://localhost:3000");
        // Every test client is 127.0.0.1, so the production per-IP ceiling would make counts depend on
        // which tests ran in the same minute; ViewCeilingIT proves the ceiling with its own.
        parameters.put("ViewsPerIpPerMinute", "100000");
        LocalCloud cloud = LocalCloud.start(root, emulators, parameters, Map.of());
        try {
            LocalApiServer server = new LocalApiServer(cloud, port).start();
            Seeder.Seeded seeded = Seeder.seed(new DynamoContentRepository(cloud.dynamo(), Seeder.CONTENT_TABLE), Instant.now());
            TestStack stack = new TestStack(cloud, server, seeded, oidcIssuer);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                cloud.close();
                oidcIssuer.close();
            }));
            return stack;
        } catch (IOException e) {
            cloud.close();
            oidcIssuer.close();
            throw new IllegalStateException(e);
        }
    }

    public LocalCloud cloud() {
        return cloud;
    }

    public URI api() {
        return server.uri();
    }

    public Seeder.Seeded seeded() {
        return seeded;
    }

    /** The OIDC test issuer that POST /auth/oidc/google trusts in this stack. */
    public LocalOidcIssuer oidcIssuer() {
        return oidcIssuer;
    }

    /** A response as a browser sees it. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            if (body == null || body.isEmpty()) {
                return MissingNode.getInstance();
            }
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst().orElse(null);
        }

        /** The contract's error code, or null when the body is not an error. */
        public String errorCode() {
            JsonNode code = json().path("error").path("code");
            return code.isMissingNode() ? null : code.asText();
        }
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, String jsonBody, String... headers) {
        return send("POST", path, jsonBody, headers);
    }

    /** @param headers name, value, name, value, ... */
    public Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
