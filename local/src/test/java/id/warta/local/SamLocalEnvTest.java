package id.warta.local;

import com.fasterxml.jackson.core.type.TypeReference;
import id.warta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * local/sam-local-env.json, the --env-vars file of `sam local invoke` and `sam local start-api`,
 * agrees with template.yaml: it names only functions and variables the template declares (sam local
 * ignores the rest without a word), and gives every function local values for everything that would
 * otherwise reach real AWS: the endpoints, and the tables and secrets by their local names.
 */
class SamLocalEnvTest {
    /** Parameters whose value sam local cannot know: the deployed default is real AWS, or there is none. */
    private static final Set<String> NEED_A_LOCAL_VALUE = Set.of("DynamoDbEndpoint", "SesEndpoint", "SecretsManagerEndpoint");
    private static final String ALL_FUNCTIONS = "Parameters";

    private final SamTemplate template = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"));
    private final Map<String, Map<String, String>> file = read();
    /** Tables and secrets: bin/dev creates them under their logical ids. */
    private final Set<String> localByLogicalId = localByLogicalId();

    private Set<String> localByLogicalId() {
        Set<String> names = new TreeSet<>(template.tables().stream().map(SamTemplate.Table::logicalId).toList());
        names.addAll(template.resourcesOfType("AWS::SecretsManager::Secret").keySet());
        return names;
    }

    private static Map<String, Map<String, String>> read() {
        try {
            return Json.mapper().readValue(Files.readString(ProjectRoot.find().resolve("local/sam-local-env.json"),
                    StandardCharsets.UTF_8), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> valuesFor(SamTemplate.Function function) {
        Map<String, String> values = new HashMap<>(file.getOrDefault(ALL_FUNCTIONS, Map.of()));
        values.putAll(file.getOrDefault(function.logicalId(), Map.of()));
        return values;
    }

    private static String referenced(Object templateValue) {
        return templateValue instanceof Map<?, ?> ref && ref.get("Ref") instanceof String name ? name : null;
    }


    @Test
    void namesOnlyFunctionsAndVariablesOfTheTemplate() {
        Set<String> functions = new TreeSet<>();
        Set<String> declaredAnywhere = new TreeSet<>();
        template.functions().forEach(function -> {
            functions.add(function.logicalId());
            declaredAnywhere.addAll(function.environment().keySet());
        });
        assertThat(file.keySet()).isNotEmpty().allMatch(key -> key.equals(ALL_FUNCTIONS) || functions.contains(key));
        assertThat(file.getOrDefault(ALL_FUNCTIONS, Map.of()).keySet()).isSubsetOf(declaredAnywhere);
        for (SamTemplate.Function function : template.functions()) {
            assertThat(file.getOrDefault(function.logicalId(), Map.of()).keySet()).as(function.logicalId())
                    .isSubsetOf(function.environment().keySet());
        }
    }

    @Test
    void everyFunctionGetsLocalTablesSecretsAndEndpoints() {
        for (SamTemplate.Function function : template.functions()) {
            Map<String, String> values = valuesFor(function);
            function.environment().forEach((variable, templateValue) -> {
                String reference = referenced(templateValue);
                if (reference != null && localByLogicalId.contains(reference)) {
                    assertThat(values.get(variable)).as(function.logicalId() + " " + variable + ": the local table or secret")
                            .isEqualTo(reference);
                } else if (reference != null && NEED_A_LOCAL_VALUE.contains(reference)) {
                    assertThat(values.get(variable)).as(function.logicalId() + " " + variable).isNotBlank();
                }
            });
        }
    }

    @Test
    void endpointsAreTheHostSeenFromAContainer() {
        Map<String, String> all = file.get(ALL_FUNCTIONS);

        assertThat(all.get("DYNAMODB_ENDPOINT")).matches("http://host\\.docker\\.internal:\\d+");
        assertThat(all.get("SES_ENDPOINT")).matches("http://host\\.docker\\.internal:\\d+");
        assertThat(all.get("SECRETS_MANAGER_ENDPOINT")).matches("http://host\\.docker\\.internal:\\d+");
    }
}
