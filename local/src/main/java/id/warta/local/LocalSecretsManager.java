package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.warta.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Just enough of AWS Secrets Manager for this machine (never deployed): GetSecretValue and
 * PutSecretValue of the current version of string secrets, in the service's own protocol (AWS JSON
 * 1.1, one POST per call, the operation in X-Amz-Target), so that the functions read their keys
 * through the real SDK client as in AWS, and a rotation can be rehearsed with the AWS CLI
 * ({@code --endpoint-url}). No npm package among those allowed emulates Secrets Manager.
 * Requests are not authenticated; the secrets are the template's, generated per run
 * ({@link #createAll}); versions other than the current one are not kept.
 */
public final class LocalSecretsManager implements AutoCloseable {
    private static final String TARGET_PREFIX = "secretsmanager.";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final URI endpoint;
    private final Map<String, Version> secrets = new ConcurrentHashMap<>();

    private record Version(String id, String secretString, Instant created) {
    }

    private LocalSecretsManager(HttpServer server, String host) {
        this.server = server;
        this.endpoint = URI.create("http://" + host + ":" + server.getAddress().getPort());
        server.createContext("/", this::handle);
    }

    /**
     * @param host the address it listens on: loopback, or one a Docker container reaches (sam local)
     * @param port 0 for any free port
     */
    public static LocalSecretsManager start(String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
            LocalSecretsManager secrets = new LocalSecretsManager(server, host);
            server.start();
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port + " for the local Secrets Manager", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates (or replaces) a secret; tests use it for secrets of their own. */
    public void create(String name, String secretString) {
        secrets.put(name, new Version(UUID.randomUUID().toString(), secretString, Instant.now()));
    }

    /** Every AWS::SecretsManager::Secret of the template, named by its logical id, with a value generated as CloudFormation would. */
    public void createAll(SamTemplate template) {
        template.resourcesOfType("AWS::SecretsManager::Secret").forEach((id, properties) ->
                create(id, generated(SamTemplate.map(properties, "GenerateSecretString"))));
    }

    /**
     * A GenerateSecretString value: PasswordLength letters and digits (the template excludes punctuation),
     * alone, or under GenerateStringKey in the SecretStringTemplate object.
     */
    static String generated(Map<String, Object> generate) {
        int length = ((Number) generate.getOrDefault("PasswordLength", 32)).intValue();
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        Object template = generate.get("SecretStringTemplate");
        if (template == null) {
            return password.toString();
        }
        try {
            ObjectNode object = (ObjectNode) Json.mapper().readTree((String) template);
            object.put((String) generate.get("GenerateStringKey"), password.toString());
            return Json.mapper().writeValueAsString(object);
        } catch (IOException e) {
            throw new IllegalStateException("SecretStringTemplate is not a JSON object: " + template, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            JsonNode request = Json.mapper().readTree(exchange.getRequestBody());
            String secretId = request.path("SecretId").asText();
            String name = secretId.startsWith("arn:") ? secretId.substring(secretId.lastIndexOf(':') + 1) : secretId;
            Version current = secrets.get(name);
            if (!target.startsWith(TARGET_PREFIX)) {
                respond(exchange, 400, error("UnknownOperationException", "Not a Secrets Manager call: " + target));
            } else if (current == null) {
                respond(exchange, 400, error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
            } else {
                switch (target.substring(TARGET_PREFIX.length())) {
                    case "GetSecretValue" -> respond(exchange, 200, described(name, current, Map.of(
                            "SecretString", current.secretString(),
                            "CreatedDate", current.created().getEpochSecond())));
                    case "PutSecretValue" -> {
                        String versionId = request.path("ClientRequestToken").asText(UUID.randomUUID().toString());
                        Version put = new Version(versionId, request.path("SecretString").asText(), Instant.now());
                        secrets.put(name, put);
                        respond(exchange, 200, described(name, put, Map.of()));
                    }
                    default -> respond(exchange, 400, error("UnknownOperationException", "Not emulated locally: " + target));
                }
            }
        }
    }

    private String arn(String name) {
        return "arn:aws:secretsmanager:" + LocalCloud.REGION + ":000000000000:secret:" + name;
    }

    private Map<String, Object> described(String name, Version version, Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ARN", arn(name));
        body.put("Name", name);
        body.put("VersionId", version.id());
        body.put("VersionStages", List.of("AWSCURRENT"));
        body.putAll(more);
        return body;
    }

    private static Map<String, Object> error(String type, String message) {
        return Map.of("__type", type, "message", message);
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
