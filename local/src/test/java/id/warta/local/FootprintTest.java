package id.warta.local;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build-time check of every function's deployment package (functions/<name>/target/lambda, what
 * `sam build` ships): no Apache or Netty HTTP client, no AWS SDK service module the function has no
 * IAM permission to call (template.yaml says which services each may use), and a zip of at most 11 MiB
 * (10 MiB until the API functions took the Secrets Manager client, 0.7 MB, to read the access-token
 * keys, which put the accounts function above it. BENCHMARKS.md keeps the 10 MiB target).
 */
class FootprintTest {
    private static final long MAX_BYTES = 11L * 1024 * 1024;
    private static final Pattern FORBIDDEN_JAR = Pattern.compile(
            "(apache-client|apache5-client|netty-nio-client|httpclient5?|httpcore5?(-h2)?|netty-.*)-\\d.*\\.jar");
    private static final Pattern SERVICE_PACKAGE = Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/");

    private final SamTemplate template = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"));

    @TestFactory
    Stream<DynamicTest> everyFunctionPackageIsLean() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            DeploymentPackage deployment = DeploymentPackage.of(ProjectRoot.find().resolve(function.codeUri()));
            List<Path> jars = deployment.jars();

            assertThat(jars.stream().map(p -> p.getFileName().toString()).filter(n -> FORBIDDEN_JAR.matcher(n).matches()))
                    .as(function.logicalId() + " ships an Apache or Netty HTTP client").isEmpty();
            assertThat(sdkServicesIn(jars)).as(function.logicalId() + " SDK service modules")
                    .isSubsetOf(servicesAllowedByPolicy(function.logicalId()));
            assertThat(deployment.zippedBytes()).as(function.logicalId() + " deployment zip bytes").isLessThanOrEqualTo(MAX_BYTES);
        }));
    }

    /** The site renders HTML with precompiled templates: no API pipeline, no Jackson data binding, no template compiler. */
    @TestFactory
    Stream<DynamicTest> theSiteShipsNeitherTheApiPipelineNorJacksonDatabindNorATemplateCompiler() {
        return template.httpRoutes(SamTemplate.SITE).stream().map(SamTemplate.HttpRoute::functionId).distinct()
                .map(id -> DynamicTest.dynamicTest(id, () -> {
                    SamTemplate.Function function = template.functions().stream().filter(f -> f.logicalId().equals(id))
                            .findFirst().orElseThrow();
                    List<String> jars = DeploymentPackage.of(ProjectRoot.find().resolve(function.codeUri())).jars().stream()
                            .map(p -> p.getFileName().toString()).toList();

                    assertThat(jars).as(id).anyMatch(n -> n.startsWith("jte-runtime-"))
                            .noneMatch(n -> n.startsWith("jackson-databind-") || n.startsWith("warta-http-")
                                    || n.matches("jte-\\d.*\\.jar"));
                }));
    }

    private static Set<String> sdkServicesIn(List<Path> jars) throws IOException {
        Set<String> services = new TreeSet<>();
        for (Path jar : jars) {
            if (!jar.getFileName().toString().matches("[a-z0-9-]+-2\\.\\d+\\.\\d+\\.jar")) {
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().map(e -> SERVICE_PACKAGE.matcher(e.getName())).filter(Matcher::lookingAt)
                        .map(m -> m.group(1)).findFirst().ifPresent(services::add);
            }
        }
        return services;
    }

    @SuppressWarnings("unchecked")
    private Set<String> servicesAllowedByPolicy(String functionId) {
        Map<String, Object> properties = SamTemplate.map(
                (Map<String, Object>) template.resources().get(functionId), "Properties");
        Set<String> services = new TreeSet<>();
        for (Object policy : (List<Object>) properties.getOrDefault("Policies", List.of())) {
            if (policy instanceof Map<?, ?> document && document.get("Statement") instanceof List<?> statements) {
                for (Object statement : statements) {
                    Object actions = ((Map<String, Object>) statement).get("Action");
                    for (Object action : actions instanceof List<?> list ? list : List.of(actions)) {
                        String service = action.toString().split(":", 2)[0];
                        services.add(service);
                    }
                }
            }
        }
        return services;
    }
}
