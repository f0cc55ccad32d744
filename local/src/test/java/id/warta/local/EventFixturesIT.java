package id.warta.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import id.warta.json.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture under events/ is invocable the way `sam local invoke -e` (and bin/invoke) invokes it:
 * deserialised by the Lambda runtime's own serialisers into the handler's input type, against the
 * function events/<dir> belongs to (the function whose CodeUri is functions/<dir>). HTTP fixtures
 * never produce a 5xx, and each API answer is what openapi.yaml documents for its request.
 */
@LocalStackOnly
class EventFixturesIT {
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, EventFixturesIT.class.getClassLoader());
    private final TestStack stack = TestStack.shared();

    @TestFactory
    Stream<DynamicTest> everyEventFixtureInvokesItsFunction() throws IOException {
        Path events = stack.cloud().root().resolve("events");
        List<Path> fixtures;
        try (Stream<Path> files = Files.walk(events)) {
            fixtures = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(fixtures).isNotEmpty();
        return fixtures.stream().map(fixture -> DynamicTest.dynamicTest(events.relativize(fixture).toString(), () -> {
            String functionDir = events.relativize(fixture).getName(0).toString();
            SamTemplate.Function function = stack.cloud().template().functions().stream()
                    .filter(f -> f.codeUri().equals("functions/" + functionDir))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No function with CodeUri functions/" + functionDir));

            String event = Files.readString(fixture);
            String result = stack.cloud().function(function.logicalId()).invokeJson(event);

            JsonNode json = Json.mapper().readTree(result);
            boolean site = stack.cloud().template().httpRoutes(SamTemplate.SITE).stream()
                    .anyMatch(route -> route.functionId().equals(function.logicalId()));
            if (json.has("statusCode") && site) {
                // The site's pages, feeds and sitemaps are not the API: no openapi.yaml, never JSON.
                assertThat(json.path("statusCode").asInt()).as(fixture.toString()).isBetween(200, 499);
                assertThat(json.path("headers").path("content-type").asText()).doesNotStartWith("application/json");
            } else if (json.has("statusCode")) {
                assertThat(json.path("statusCode").asInt()).as(fixture.toString()).isBetween(200, 499);
                if (json.hasNonNull("body")) {
                    assertThat(json.path("headers").path("content-type").asText()).startsWith("application/json");
                }
                JsonNode request = Json.mapper().readTree(event);
                OpenApiContract.document().assertConforms(OpenApiContract.Exchange.answered(
                        request.path("requestContext").path("http").path("method").asText(), request.path("rawPath").asText(),
                        RESPONSES.fromJson(result)));
            }
        }));
    }
}
