package id.warta.local;

import org.crac.Resource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SnapStart hooks of the API functions and the site (the ones template.yaml publishes with SnapStart) run
 * their priming requests through the whole pipeline against DynamoDB, and write nothing anywhere.
 */
class SnapStartPrimingIT {
    private final TestStack stack = TestStack.shared();

    private Map<String, Integer> itemCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (SamTemplate.Table table : stack.cloud().template().tables()) {
            counts.put(table.logicalId(), stack.cloud().dynamo().scan(b -> b.tableName(table.logicalId())).count());
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private List<String> snapStartFunctions() {
        return stack.cloud().template().functions().stream()
                .filter(f -> SamTemplate.map(SamTemplate.map((Map<String, Object>) stack.cloud().template().resources()
                        .get(f.logicalId()), "Properties"), "SnapStart").get("ApplyOn") != null)
                .map(SamTemplate.Function::logicalId)
                .toList();
    }

    @Test
    void everySnapStartFunctionPrimesItselfWithoutWriting() throws Exception {
        List<String> functions = snapStartFunctions();
        assertThat(functions).containsExactlyInAnyOrder("ArticlesFunction", "ViewsFunction", "AccountsFunction", "SiteFunction");
        for (String id : functions) {
            SamTemplate.Function function = stack.cloud().template().functions().stream()
                    .filter(f -> f.logicalId().equals(id)).findFirst().orElseThrow();
            Object handler = Class.forName(function.handlerClass()).getConstructor(Map.class, Clock.class)
                    .newInstance(stack.cloud().environmentOf(function), stack.cloud().clock());
            Map<String, Integer> before = itemCounts();

            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream original = System.out;
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                ((Resource) handler).beforeCheckpoint(null);
            } finally {
                System.setOut(original);
            }

            String log = captured.toString(StandardCharsets.UTF_8);
            assertThat(log).as(id + " ran its priming requests").contains("\"requestId\":\"snapstart-priming\"");
            assertThat(log).as(id + " priming reached its routes").doesNotContain("\"status\":5");
            assertThat(itemCounts()).as(id + " wrote nothing").isEqualTo(before);
        }
    }
}
