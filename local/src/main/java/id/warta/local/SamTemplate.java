package id.warta.local;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * template.yaml, read as SAM reads it: functions with their handlers, environment, HTTP routes and
 * schedules; tables with their CloudFormation properties; parameters and conditions. Intrinsic
 * short forms (!Ref, !Sub, ...) become their long form ({"Ref": ...}, {"Fn::Sub": ...}).
 */
public final class SamTemplate {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static SamTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new IntrinsicConstructor()).load(reader);
            return new SamTemplate(root);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    /** The reader API's HttpApi resource: the routes of openapi.yaml. */
    public static final String API = "WartaApi";
    /** The reader site's HttpApi resource: every path to the site function. */
    public static final String SITE = "WartaSite";

    public record HttpRoute(String apiId, String functionId, String eventName, String method, String path,
                            boolean iamAuthorised) {
        /** API Gateway's route key: "GET /articles/{slug}", or "$default" for the catch-all route. */
        public String routeKey() {
            return path == null ? "$default" : method + " " + path;
        }
    }

    public record Schedule(String functionId, String eventName, Duration rate) {
    }

    public record Function(String logicalId, String handlerClass, String handlerMethod, String codeUri,
                           Map<String, Object> environment, int timeoutSeconds, int memoryMb) {
    }

    public record Table(String logicalId, Map<String, Object> properties) {
    }

    public Map<String, Object> parameters() {
        return section("Parameters");
    }

    public Map<String, Object> conditions() {
        return section("Conditions");
    }

    public Map<String, Object> outputs() {
        return section("Outputs");
    }

    public Map<String, Object> globals() {
        return section("Globals");
    }

    public Map<String, Object> resources() {
        return section("Resources");
    }

    public List<Function> functions() {
        Map<String, Object> globalFunction = map(globals(), "Function");
        List<Function> functions = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function").forEach((id, properties) -> {
            String[] handler = string(properties, "Handler").split("::", 2);
            Map<String, Object> environment = new LinkedHashMap<>();
            environment.putAll(map(map(globalFunction, "Environment"), "Variables"));
            environment.putAll(map(map(properties, "Environment"), "Variables"));
            int timeout = intValue(properties.getOrDefault("Timeout", globalFunction.getOrDefault("Timeout", 3)));
            int memory = intValue(properties.getOrDefault("MemorySize", globalFunction.getOrDefault("MemorySize", 128)));
            functions.add(new Function(id, handler[0], handler.length > 1 ? handler[1] : "handleRequest",
                    string(properties, "CodeUri"), environment, timeout, memory));
        });
        return functions;
    }

    /** The routes of the reader API ({@link #API}). */
    public List<HttpRoute> httpRoutes() {
        return httpRoutes(API);
    }

    /** The routes of one HttpApi resource: its events name it in ApiId. */
    public List<HttpRoute> httpRoutes(String apiId) {
        List<HttpRoute> routes = new ArrayList<>();
        events("HttpApi").forEach(event -> {
            Map<String, Object> p = event.properties();
            if (!apiId.equals(map(p, "ApiId").get("Ref"))) {
                return;
            }
            Object auth = map(p, "Auth").get("Authorizer");
            routes.add(new HttpRoute(apiId, event.functionId(), event.name(),
                    p.get("Method") == null ? null : string(p, "Method").toUpperCase(Locale.ROOT),
                    (String) p.get("Path"), "AWS_IAM".equals(auth)));
        });
        return routes;
    }

    public List<Schedule> schedules() {
        List<Schedule> schedules = new ArrayList<>();
        events("Schedule").forEach(event -> {
            String expression = string(event.properties(), "Schedule");
            Matcher m = RATE.matcher(expression);
            if (!m.matches()) {
                throw new IllegalStateException("Only rate(...) schedules run locally: " + expression);
            }
            ChronoUnit unit = switch (m.group(2)) {
                case "minute", "minutes" -> ChronoUnit.MINUTES;
                case "hour", "hours" -> ChronoUnit.HOURS;
                default -> ChronoUnit.DAYS;
            };
            schedules.add(new Schedule(event.functionId(), event.name(), Duration.of(Long.parseLong(m.group(1)), unit)));
        });
        return schedules;
    }

    public List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        resourcesOfType("AWS::DynamoDB::Table").forEach((id, properties) -> tables.add(new Table(id, properties)));
        return tables;
    }

    /** The reader API's CORS configuration (AllowOrigins, AllowHeaders, ...), unresolved. */
    public Map<String, Object> corsConfiguration() {
        return corsConfiguration(API);
    }

    /** An HttpApi's CORS configuration, unresolved; empty for an API without one (the site's). */
    public Map<String, Object> corsConfiguration(String apiId) {
        return map(resourcesOfType("AWS::Serverless::HttpApi").get(apiId), "CorsConfiguration");
    }

    /** One event source of a function (Type HttpApi, Schedule, DynamoDB, ...), its properties unresolved. */
    public record Event(String functionId, String name, Map<String, Object> properties) {
    }

    public List<Event> events(String type) {
        List<Event> events = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function").forEach((id, properties) ->
                map(properties, "Events").forEach((name, value) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> event = (Map<String, Object>) value;
                    if (type.equals(event.get("Type"))) {
                        events.add(new Event(id, name, map(event, "Properties")));
                    }
                }));
        return events;
    }

    /** The properties of every resource of a type, by logical id, unresolved. */
    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, value) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> resource = (Map<String, Object>) value;
            if (type.equals(resource.get("Type"))) {
                found.put(id, map(resource, "Properties"));
            }
        });
        return found;
    }

    private Map<String, Object> section(String name) {
        return map(root, name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof String s)) {
            throw new IllegalStateException("Expected a string at " + key + " but found " + value);
        }
        return s;
    }

    private static int intValue(Object value) {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
    }

    /** Turns CloudFormation's YAML short forms into the long JSON forms. */
    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            for (String name : List.of("Ref", "Condition")) {
                yamlConstructors.put(new Tag("!" + name), new Intrinsic(name));
            }
            for (String name : List.of("Sub", "GetAtt", "If", "Not", "Equals", "And", "Or", "Join", "Select",
                    "Split", "FindInMap", "Base64", "Cidr", "ImportValue", "GetAZs", "ToJsonString", "Length")) {
                yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    value = key.equals("Fn::GetAtt") ? List.of(text.split("\\.", 2)) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
