package id.warta.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * openapi.yaml as the contract every response of the API is held to: the path and method are an
 * operation of the document, the status is one of that operation's responses, the headers the
 * response names are there when required and match their schema, and the body matches the response's
 * media type and schema. Read once per test JVM; each schema is compiled once, on first use.
 *
 * <p>The document is OpenAPI 3.1, whose schemas are JSON Schema 2020-12 ({@code type: [string, 'null']},
 * {@code const}, {@code examples}): swagger-parser reads it (and refuses an invalid one), and
 * networknt's json-schema-validator checks instances in its OpenAPI 3.1 dialect, with formats
 * (date-time, uri, email, uuid) asserted. swagger-request-validator validates OpenAPI 3.0 only.
 *
 * <p>What the local API server answers that is not the API (CORS preflights) is skipped. The site
 * has a server of its own, which the tests reach without this check. The local mailbox (the SES emulator) and the OIDC test issuer are other servers,
 * which the tests reach with their own clients, never through the API's send path.
 */
final class OpenApiContract {
    /** The document's extension that says what the $default route answers: status → $ref of a response. */
    static final String DEFAULT_ROUTE = "x-default-route";
    private static final String JSON = "application/json";
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    /** One exchange as the client saw it; {@code path} without the query, as sent (percent-escapes kept). */
    record Exchange(String method, String path, Set<String> requestHeaderNames, int status,
                    Map<String, List<String>> headers, String body) {
        /** A function's answer to a direct invocation (an API Gateway event, no HTTP client between). */
        static Exchange answered(String method, String path, APIGatewayV2HTTPResponse response) {
            Map<String, List<String>> headers = new HashMap<>();
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, value) -> headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
            }
            if (response.getMultiValueHeaders() != null) {
                response.getMultiValueHeaders().forEach((name, values) -> headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
            }
            if (response.getCookies() != null) {
                // Payload 2.0 carries Set-Cookie apart; API Gateway sends each as a Set-Cookie header.
                headers.computeIfAbsent("Set-Cookie", n -> new ArrayList<>()).addAll(response.getCookies());
            }
            String body = response.getBody() != null && response.getIsBase64Encoded()
                    ? new String(Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8)
                    : response.getBody();
            return new Exchange(method, path, Set.of(), response.getStatusCode(), headers, body);
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().getFirst())
                    .findFirst();
        }

        boolean isCorsPreflight() {
            return method.equals("OPTIONS") && requestHeaderNames.stream().anyMatch("Access-Control-Request-Method"::equalsIgnoreCase);
        }

        String label() {
            return method + " " + abbreviate(path) + " answered " + status;
        }
    }

    private record Documented(String pointer, ApiResponse response) {
    }

    private static final class Holder {
        private static final OpenApiContract DOCUMENT = load(ProjectRoot.find().resolve("openapi.yaml"));
    }

    private final OpenAPI openApi;
    private final Map<String, ApiResponse> defaultRoute;
    private final String documentIri;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OpenApiContract(OpenAPI openApi, String documentIri, SchemaRegistry schemas) {
        this.openApi = openApi;
        this.defaultRoute = defaultRouteResponses(openApi);
        this.documentIri = documentIri;
        this.schemas = schemas;
    }

    /** The project's openapi.yaml, read once per JVM. */
    static OpenApiContract document() {
        return Holder.DOCUMENT;
    }

    static OpenApiContract load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, options);
        if (parsed.getOpenAPI() == null || (parsed.getMessages() != null && !parsed.getMessages().isEmpty())) {
            throw new IllegalStateException(file + " is not a valid OpenAPI document: " + parsed.getMessages());
        }
        String iri = file.toUri().toString();
        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(iri, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true)
                        .build()));
        return new OpenApiContract(parsed.getOpenAPI(), iri, registry);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ApiResponse> defaultRouteResponses(OpenAPI openApi) {
        Object extension = openApi.getExtensions() == null ? null : openApi.getExtensions().get(DEFAULT_ROUTE);
        if (!(extension instanceof Map<?, ?> map) || !(map.get("responses") instanceof Map<?, ?> responses)) {
            throw new IllegalStateException("openapi.yaml has no " + DEFAULT_ROUTE + " with responses");
        }
        Map<String, ApiResponse> byStatus = new TreeMap<>();
        ((Map<String, Map<String, String>>) responses).forEach((status, response) ->
                byStatus.put(status, new ApiResponse().$ref(response.get("$ref"))));
        return byStatus;
    }

    /** Fails with every way the exchange differs from the document. */
    void assertConforms(Exchange exchange) {
        List<String> problems = problems(exchange);
        if (!problems.isEmpty()) {
            throw new AssertionError("Response does not match openapi.yaml: " + exchange.label() + "\n  - "
                    + String.join("\n  - ", problems) + "\n  body: " + abbreviate(exchange.body()));
        }
    }

    /** Every way the exchange differs from the document; empty when it conforms or is not the API's. */
    List<String> problems(Exchange exchange) {
        if (exchange.isCorsPreflight()) {
            return List.of();
        }
        Optional<String> template = template(exchange.path());
        if (template.isEmpty()) {
            return defaultRoute(exchange, "no path of the document matches " + abbreviate(exchange.path()));
        }
        PathItem pathItem = openApi.getPaths().get(template.get());
        Operation operation = operation(pathItem, exchange.method());
        if (operation == null) {
            return defaultRoute(exchange, template.get() + " has no " + exchange.method() + " operation");
        }
        String operationLabel = operation.getOperationId() + " (" + exchange.method() + " " + template.get() + ")";
        Optional<String> key = responseKey(operation, exchange.status());
        if (key.isEmpty()) {
            return List.of(operationLabel + ": status " + exchange.status() + " is not documented (documented: "
                    + operation.getResponses().keySet() + ")");
        }
        String pointer = "/paths/" + escape(template.get()) + "/" + exchange.method().toLowerCase(Locale.ROOT)
                + "/responses/" + escape(key.get());
        return conformance(operationLabel + " " + exchange.status(), resolve(pointer, operation.getResponses().get(key.get())), exchange);
    }

    /**
     * A method and path the document lacks reach API Gateway's $default route; the document's
     * {@value #DEFAULT_ROUTE} lists what that route may answer.
     */
    private List<String> defaultRoute(Exchange exchange, String why) {
        String key = String.valueOf(exchange.status());
        ApiResponse response = defaultRoute.get(key);
        if (response == null) {
            return List.of(why + ", so the $default route answers, which " + DEFAULT_ROUTE + " lets answer only "
                    + defaultRoute.keySet() + ", not " + exchange.status());
        }
        return conformance(why + "; $default route " + key, resolve("/" + DEFAULT_ROUTE + "/responses/" + key, response), exchange);
    }

    private List<String> conformance(String what, Documented documented, Exchange exchange) {
        List<String> problems = new ArrayList<>();
        ApiResponse response = documented.response();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, header) -> {
                String headerPointer = documented.pointer() + "/headers/" + escape(name);
                Header resolved = header;
                if (header.get$ref() != null) {
                    headerPointer = header.get$ref().substring(1);
                    resolved = openApi.getComponents().getHeaders().get(header.get$ref().substring(header.get$ref().lastIndexOf('/') + 1));
                }
                Optional<String> value = exchange.header(name);
                if (value.isEmpty()) {
                    if (Boolean.TRUE.equals(resolved.getRequired())) {
                        problems.add(what + ": header " + name + " is required but missing");
                    }
                } else {
                    validate(headerPointer + "/schema", headerInstance(resolved, value.get()))
                            .forEach(p -> problems.add(what + ": header " + name + " " + value.get() + ": " + p));
                }
            });
        }
        String body = exchange.body() == null ? "" : exchange.body();
        if (response.getContent() == null || response.getContent().isEmpty()) {
            if (!body.isEmpty()) {
                problems.add(what + ": the document gives this response no body, yet it has one");
            }
            return problems;
        }
        String contentType = exchange.header("Content-Type").map(OpenApiContract::mediaType).orElse("");
        if (!response.getContent().containsKey(contentType)) {
            problems.add(what + ": Content-Type '" + contentType + "' is not one of " + response.getContent().keySet());
            return problems;
        }
        if (contentType.equals(JSON)) {
            String schemaPointer = documented.pointer() + "/content/" + escape(JSON) + "/schema";
            validate(schemaPointer, body).forEach(p -> problems.add(what + ": body " + p));
        }
        return problems;
    }

    /** The problems of {@code json} against the schema at {@code pointer} in the document, each as "pointer: message". */
    private List<String> validate(String pointer, String json) {
        Schema schema = compiled.computeIfAbsent(pointer, p -> {
            Schema loaded = schemas.getSchema(SchemaLocation.of(documentIri + "#" + p));
            loaded.initializeValidators();
            return loaded;
        });
        try {
            return schema.validate(json, InputFormat.JSON).stream()
                    .map(error -> (error.getInstanceLocation().toString().isEmpty() ? "/" : error.getInstanceLocation())
                            + ": " + error.getMessage())
                    .toList();
        } catch (RuntimeException notJson) {
            return List.of("is not JSON (" + notJson.getMessage() + ")");
        }
    }

    /** A header value as the JSON instance its schema describes: a number where the schema says integer. */
    private static String headerInstance(Header header, String value) {
        io.swagger.v3.oas.models.media.Schema<?> schema = header.getSchema();
        Set<String> types = schema == null ? Set.of()
                : schema.getTypes() != null ? schema.getTypes()
                : schema.getType() != null ? Set.of(schema.getType()) : Set.of();
        boolean numeric = types.contains("integer") || types.contains("number");
        return numeric && INTEGER.matcher(value).matches() ? value : TextNode.valueOf(value).toString();
    }

    /** The document's path template for a concrete path: literal segments equal, each {name} one non-empty segment; the most literal wins. */
    private Optional<String> template(String path) {
        String[] segments = path.split("/", -1);
        return openApi.getPaths().keySet().stream()
                .filter(template -> matches(template.split("/", -1), segments))
                .min(Comparator.comparingLong(template -> template.chars().filter(c -> c == '{').count()));
    }

    private static boolean matches(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean variable = template[i].startsWith("{") && template[i].endsWith("}");
            if (variable ? segments[i].isEmpty() : !template[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static Operation operation(PathItem pathItem, String method) {
        return pathItem.readOperationsMap().entrySet().stream()
                .filter(e -> e.getKey().name().equals(method))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The exact status, else its range (4XX), else default. */
    private static Optional<String> responseKey(Operation operation, int status) {
        return Stream.of(String.valueOf(status), status / 100 + "XX", "default")
                .filter(operation.getResponses()::containsKey)
                .findFirst();
    }

    /** A response and where it is in the document: at its place, or where its $ref points. */
    private Documented resolve(String pointer, ApiResponse response) {
        if (response.get$ref() == null) {
            return new Documented(pointer, response);
        }
        String reference = response.get$ref();
        return new Documented(reference.substring(1),
                openApi.getComponents().getResponses().get(reference.substring(reference.lastIndexOf('/') + 1)));
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** A JSON Pointer reference token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String text) {
        return text == null ? "(none)" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
