package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import id.warta.json.Json;
import id.warta.local.faults.FaultProxy;
import id.warta.local.oidc.LocalOidcIssuer;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The integration-test stack, started once per test JVM: the emulators (dynalite and
 * aws-ses-v2-local by default; LocalStack with -Plocalstack), the tables of template.yaml, the
 * sample content, and the local API server, which the tests call over HTTP like a browser would.
 *
 * <p>The deployed-stack tier: with {@value #DEPLOYED_API_URL} set to a deployed stack's ApiUrl,
 * nothing starts and the same HTTP calls go to API Gateway; a test that needs what only the local
 * stack has (its tables, mailbox, seeded data, OIDC test issuer) is skipped there, saying why.
 */
public final class TestStack {
    public static final String DEPLOYED_API_URL = "WARTA_API_URL";
    /** In the deployed-stack tier, the stack's SiteOrigin parameter (the one origin its CORS allows). */
    public static final String DEPLOYED_SITE_ORIGIN = "WARTA_SITE_ORIGIN";
    /** In the deployed-stack tier, the site's address (the SiteDistributionUrl output); without it site tests are skipped. */
    public static final String DEPLOYED_SITE_URL = "WARTA_SITE_URL";
    /**
     * The whole suite calls from 127.0.0.1, where the per-client limits would soon refuse it, so the
     * shared stack and those beside it switch them off (0), as a stack behind a proxy that hides
     * clients' addresses would; {@link #withTemplateClientLimits()} has the template's values.
     */
    private static final Map<String, String> CLIENT_LIMITS_OFF = Map.of("FailedSignInsPerIp", "0",
            "MailRequestsPerIpPerHour", "0");
    private static TestStack shared;

    private final LocalCloud cloud;
    private final LocalApiServer server;
    /** The site's own server; null where a stack serves only the API. */
    private final LocalApiServer siteServer;
    private final Seeder.Seeded seeded;
    private final LocalOidcIssuer oidcIssuer;
    /** Null for the local stack. */
    private final URI deployedApi;
    /** Load tests open hundreds of connections at once on two shared cores: a connect may wait its turn. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private TestStack(LocalCloud cloud, LocalApiServer server, LocalApiServer siteServer, Seeder.Seeded seeded,
                      LocalOidcIssuer oidcIssuer) {
        this.cloud = cloud;
        this.server = server;
        this.siteServer = siteServer;
        this.seeded = seeded;
        this.oidcIssuer = oidcIssuer;
        this.deployedApi = null;
    }

    private TestStack(URI deployedApi) {
        this.cloud = null;
        this.server = null;
        this.siteServer = null;
        this.seeded = null;
        this.oidcIssuer = null;
        this.deployedApi = deployedApi;
    }

    public static synchronized TestStack shared() {
        if (shared == null) {
            String deployed = System.getenv(DEPLOYED_API_URL);
            shared = deployed == null || deployed.isBlank() ? start() : new TestStack(URI.create(deployed));
        }
        return shared;
    }

    private static TestStack start() {
        java.nio.file.Path root = ProjectRoot.find();
        Emulators emulators = "localstack".equals(System.getProperty("warta.emulator"))
                ? LocalStackEmulators.start(root)
                : Emulators.start(root);
        int port = Emulators.freePort();
        int sitePort = Emulators.freePort();
        String api = "http://127.0.0.1:" + port;
        LocalOidcIssuer oidcIssuer;
        try {
            oidcIssuer = LocalOidcIssuer.start(0);
        } catch (IOException e) {
            emulators.close();
            throw new IllegalStateException(e);
        }
        LocalCloud cloud = LocalCloud.start(root, emulators, parameters(oidcIssuer, api, sitePort), Map.of());
        try {
            LocalApiServer server = new LocalApiServer(cloud, port).start();
            LocalApiServer site = new LocalApiServer(cloud, SamTemplate.SITE, sitePort).start();
            Seeder.Seeded seeded = Seeder.seed(cloud.dynamo(), Seeder.CONTENT_TABLE, Instant.now());
            TestStack stack = new TestStack(cloud, server, site, seeded, oidcIssuer);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                site.close();
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

    /** The template parameters of a local stack whose API answers at {@code api} and site on {@code sitePort}. */
    private static Map<String, String> parameters(LocalOidcIssuer oidcIssuer, String api, int sitePort) {
        Map<String, String> parameters = new HashMap<>(oidcIssuer.signInParameters());
        parameters.put("SiteUrl", "http://127.0.0.1:" + sitePort);
        parameters.put("ReaderApiUrl", api);
        // The site's own origin, as bin/dev has it: its pages' scripts call the API across origins (CORS).
        parameters.put("SiteOrigin", "http://127.0.0.1:" + sitePort);
        // Every test client is 127.0.0.1, so the production per-IP ceiling would make counts depend on
        // which tests ran in the same minute; ViewCountingIT proves the ceiling with its own.
        parameters.put("ViewsPerIpPerMinute", "5000");
        parameters.putAll(CLIENT_LIMITS_OFF);
        return parameters;
    }

    /**
     * A second stack on the shared emulators whose functions (and harness client) talk to DynamoDB
     * and SES through fault proxies, with its own API server; the caller closes it.
     */
    public static ProxiedStack behindFaultProxy() {
        TestStack shared = shared();
        Emulators direct = shared.cloud().emulators();
        FaultProxy dynamoDb = FaultProxy.start(direct.dynamoDbEndpoint());
        FaultProxy ses = FaultProxy.start(direct.sesEndpoint());
        int port = Emulators.freePort();
        int sitePort = Emulators.freePort();
        LocalCloud cloud = LocalCloud.start(shared.cloud().root(),
                Emulators.external(shared.cloud().root(), dynamoDb.uri(), ses.uri()),
                parameters(shared.oidcIssuer(), "http://127.0.0.1:" + port, sitePort), Map.of());
        try {
            LocalApiServer server = new LocalApiServer(cloud, port).start();
            LocalApiServer site = new LocalApiServer(cloud, SamTemplate.SITE, sitePort).start();
            return new ProxiedStack(new TestStack(cloud, server, site, shared.seeded(), shared.oidcIssuer()), dynamoDb, ses, () -> {
                site.close();
                server.close();
                cloud.close();
            });
        } catch (IOException e) {
            cloud.close();
            dynamoDb.close();
            ses.close();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A second stack on the shared emulators, with its own functions and API server, whose
     * per-client limits have the template's values (the shared stack switches them off); the caller
     * closes it.
     */
    public static SecondStack withTemplateClientLimits() {
        int port = Emulators.freePort();
        Map<String, String> parameters = parameters(shared().oidcIssuer(), "http://127.0.0.1:" + port, Emulators.freePort());
        parameters.keySet().removeAll(CLIENT_LIMITS_OFF.keySet());
        return second(port, parameters, Map.of());
    }

    /**
     * A second stack on the shared emulators, with its own functions and API server, deployed with
     * {@code overrides} over the shared stack's template parameters; the caller closes it.
     */
    public static SecondStack withParameters(Map<String, String> overrides) {
        int port = Emulators.freePort();
        Map<String, String> parameters = parameters(shared().oidcIssuer(), "http://127.0.0.1:" + port, Emulators.freePort());
        parameters.putAll(overrides);
        return second(port, parameters, Map.of());
    }

    /**
     * A second stack on the shared emulators, with its own functions, API server and secrets (the
     * access-token keys among them, generated afresh), whose functions get {@code environment} on
     * top of what the template gives them; the caller closes it.
     */
    public static SecondStack withEnvironment(Map<String, String> environment) {
        int port = Emulators.freePort();
        return second(port, parameters(shared().oidcIssuer(), "http://127.0.0.1:" + port, Emulators.freePort()), environment);
    }

    private static SecondStack second(int port, Map<String, String> parameters, Map<String, String> environment) {
        TestStack shared = shared();
        Emulators direct = shared.cloud().emulators();
        LocalCloud cloud = LocalCloud.start(shared.cloud().root(),
                Emulators.external(shared.cloud().root(), direct.dynamoDbEndpoint(), direct.sesEndpoint()), parameters,
                environment);
        try {
            LocalApiServer server = new LocalApiServer(cloud, port).start();
            return new SecondStack(new TestStack(cloud, server, null, shared.seeded(), shared.oidcIssuer()), () -> {
                server.close();
                cloud.close();
            });
        } catch (IOException e) {
            cloud.close();
            throw new IllegalStateException(e);
        }
    }

    /** The emulators, their tables and mailbox, and the functions in this JVM; skips the test against a deployed stack. */
    public LocalCloud cloud() {
        requireLocal("the emulators' tables and mailbox");
        return cloud;
    }

    /** The base URL the tests call: the local API server, or the deployed stack's ApiUrl. */
    public URI api() {
        return deployedApi != null ? deployedApi : server.uri();
    }

    /** The base URL of the reader site: the local site server, or the deployed stack's {@value #DEPLOYED_SITE_URL}. */
    public URI site() {
        if (deployedApi != null) {
            String site = System.getenv(DEPLOYED_SITE_URL);
            Assumptions.assumeTrue(site != null && !site.isBlank(), "skipped against the deployed stack at " + deployedApi
                    + ": set " + DEPLOYED_SITE_URL + " to its SiteDistributionUrl to test the site");
            return URI.create(site);
        }
        if (siteServer == null) {
            throw new IllegalStateException("This stack serves no site");
        }
        return siteServer.uri();
    }

    /** A GET of a site page, as a browser sends it (site pages are not the API: no openapi.yaml check). */
    public Response page(String pathAndQuery, String... headers) {
        return exchange(site().resolve(pathAndQuery), "GET", null, headers);
    }

    /** Any request to the site. */
    public Response sendToSite(String method, String pathAndQuery, String body, String... headers) {
        return exchange(site().resolve(pathAndQuery), method, body, headers);
    }

    /** The one browser origin the stack's CORS allows. */
    public String siteOrigin() {
        if (deployedApi == null) {
            return cloud.intrinsics().resolveString(Map.of("Ref", "SiteOrigin"));
        }
        String origin = System.getenv(DEPLOYED_SITE_ORIGIN);
        Assumptions.assumeTrue(origin != null && !origin.isBlank(), "skipped against the deployed stack at " + deployedApi
                + ": set " + DEPLOYED_SITE_ORIGIN + " to its SiteOrigin parameter to check CORS");
        return origin;
    }

    public Seeder.Seeded seeded() {
        requireLocal("the sample content as this run seeded it");
        return seeded;
    }

    /** The OIDC test issuer that POST /auth/oidc/{google,apple,facebook} trusts in this stack. */
    public LocalOidcIssuer oidcIssuer() {
        requireLocal("the local OIDC test issuer");
        return oidcIssuer;
    }

    private void requireLocal(String what) {
        if (deployedApi != null) {
            Assumptions.abort("skipped against the deployed stack at " + deployedApi + ": the test needs " + what
                    + ", which only the local stack has");
        }
    }

    /** A response as a browser sees it; send() has held it to openapi.yaml. */
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
        return send(api().resolve(path), method, body, headers);
    }

    /**
     * A POST from another client address: the connection is bound to {@code client} (any of
     * 127.0.0.0/8 is this machine's loopback on Linux), so the local API server gives the function
     * that address as {@code requestContext.http.sourceIp}, as API Gateway gives a client's.
     *
     * @param headers name, value, name, value, ...
     */
    public Response postFrom(InetAddress client, String path, String jsonBody, String... headers) {
        requireLocal("connections from a loopback address of its choosing");
        URI uri = api().resolve(path);
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        List<List<String>> sent = new ArrayList<>(List.of(List.of("Host", uri.getAuthority()),
                List.of("Content-Type", "application/json"), List.of("Content-Length", Integer.toString(body.length))));
        for (int i = 0; i < headers.length; i += 2) {
            sent.add(List.of(headers[i], headers[i + 1]));
        }
        try {
            RawHttp.Response raw = RawHttp.sendFrom(client, uri, "POST", uri.getRawPath(), sent, body);
            Response received = new Response(raw.status(), raw.headers(), raw.body());
            ContractViolations.assertConforms(new OpenApiContract.Exchange("POST", uri.getRawPath(),
                    sent.stream().map(header -> header.getFirst().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                    received.status(), received.headers(), received.body()));
            return received;
        } catch (IOException e) {
            throw new IllegalStateException("POST " + uri + " from " + client + " failed", e);
        }
    }

    /** A call to an IAM-authorised route, signed with this stack's admin credentials. */
    /** A call to an IAM-authorised route with more headers (name, value, ...), all signed. */
    public Response sendSigned(String method, String path, String body, String... headers) {
        return sendSignedBy(new AdminSigner(cloud().adminCredentials()), method, path, body, headers);
    }

    /** A call to an IAM-authorised route signed by {@code signer} (other credentials, another clock). */
    public Response sendSignedBy(AdminSigner signer, String method, String path, String body, String... extraHeaders) {
        URI uri = api().resolve(path);
        // send() adds this Content-Type to a request with a body; it is signed like every header.
        Map<String, String> headers = new LinkedHashMap<>();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        for (int i = 0; i < extraHeaders.length; i += 2) {
            headers.put(extraHeaders[i], extraHeaders[i + 1]);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.remove("Content-Type");
        sent.putAll(signer.sign(method, uri, headers, bytes));
        return send(uri, method, body, headerArguments(sent));
    }

    /** Headers as the name, value, name, value, ... arguments of send(). */
    public static String[] headerArguments(Map<String, String> headers) {
        return headers.entrySet().stream().flatMap(h -> Stream.of(h.getKey(), h.getValue())).toArray(String[]::new);
    }

    private Response send(URI uri, String method, String body, String... headers) {
        HttpRequest sent = request(uri, method, body, headers);
        Response received = exchange(sent);
        ContractViolations.assertConforms(new OpenApiContract.Exchange(method, uri.getRawPath(),
                sent.headers().map().keySet(), received.status(), received.headers(), received.body()));
        return received;
    }

    private Response exchange(URI uri, String method, String body, String... headers) {
        return exchange(request(uri, method, body, headers));
    }

    private static HttpRequest request(URI uri, String method, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.build();
    }

    private Response exchange(HttpRequest sent) {
        try {
            HttpResponse<String> response = http.send(sent, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(sent.method() + " " + sent.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
