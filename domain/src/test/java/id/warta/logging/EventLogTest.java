package id.warta.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogTest {
    private final List<String> lines = new ArrayList<>();
    private final EventLog log = new EventLog("articles", lines::add);

    @Test
    void escapesAnythingAStringCanHoldAndNestsMapsAndLists() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", "quote \" backslash \\ newline \n tab \t nul \u0000 bell \u0007 emoji 😀");
        fields.put("nested", Map.of("count", 3, "ok", true));
        fields.put("list", List.of(1, "two", false));
        fields.put("missing", null);
        fields.put("notANumber", Double.NaN);

        log.event(fields);

        JsonNode line = new ObjectMapper().readTree(lines.getFirst());
        assertThat(line.path("text").asText()).isEqualTo(fields.get("text"));
        assertThat(line.path("nested").path("count").asInt()).isEqualTo(3);
        assertThat(line.path("list").get(1).asText()).isEqualTo("two");
        assertThat(line.path("missing").isNull()).isTrue();
        assertThat(line.path("notANumber").isNull()).isTrue();
    }

    @Test
    void namesTheFunctionOnEveryLine() throws Exception {
        log.event(Map.of("event", "run"));

        assertThat(new ObjectMapper().readTree(lines.getFirst()).path("function").asText()).isEqualTo("articles");
    }
}
