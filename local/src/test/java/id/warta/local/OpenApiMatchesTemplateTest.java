package id.warta.local;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** openapi.yaml documents exactly the routes that template.yaml deploys. */
class OpenApiMatchesTemplateTest {

    @Test
    void everyTemplateRouteIsDocumentedAndNothingElse() throws Exception {
        SamTemplate template = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"));
        Set<String> deployed = new TreeSet<>();
        template.httpRoutes().stream()
                .filter(r -> r.path() != null)
                .forEach(r -> deployed.add(r.routeKey()));

        Set<String> documented = new TreeSet<>();
        try (Reader reader = Files.newBufferedReader(ProjectRoot.find().resolve("openapi.yaml"))) {
            Map<String, Object> openapi = new Yaml().load(reader);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) openapi.get("paths");
            paths.forEach((path, operations) -> operations.keySet().stream()
                    .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                    .forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        }

        assertThat(documented).isEqualTo(deployed);
    }

    @Test
    void theCatchAllRouteExistsSoClientsAlwaysGetTheJsonErrorBody() {
        SamTemplate template = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"));

        assertThat(template.httpRoutes()).anyMatch(r -> r.routeKey().equals("$default"));
    }
}
