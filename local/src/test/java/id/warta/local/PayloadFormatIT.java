package id.warta.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import id.warta.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table-driven: each request under test resources payload-format-2.0/ is sent byte for byte to the
 * local API server, and the event it hands the function must equal the fixture's event, which is
 * written in the shape of API Gateway's documented payload format 2.0 example. Requests API Gateway
 * could not decode must be refused with the contract's JSON error and reach no function.
 */
class PayloadFormatIT {
    private static final String ANY = "<any>";

    private static final Queue<APIGatewayV2HTTPEvent> received = new ConcurrentLinkedQueue<>();
    private static LocalApiServer server;

    @BeforeAll
    static void startServerThatRecordsEvents() throws IOException {
        APIGatewayV2HTTPResponse ok = APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{}").build();
        server = new LocalApiServer(TestStack.shared().cloud(), Emulators.freePort(), (functionId, event) -> {
            received.add(event);
            return ok;
        }).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> eachEdgeCaseBecomesTheDocumentedEvent() throws IOException {
        Path fixtures = ProjectRoot.find().resolve("local/src/test/resources/payload-format-2.0");
        List<Path> files;
        try (Stream<Path> list = Files.list(fixtures)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode fixture = Json.mapper().readTree(file.toFile());
            received.clear();

            RawHttp.Response response = send(fixture.path("request"));

            if (fixture.has("response")) {
                // Refused by the local server on API Gateway's behalf: an answer of the API, held to openapi.yaml.
                // The other requests reach the recording stub above, whose answer is not the API's.
                OpenApiContract.document().assertConforms(exchange(fixture.path("request"), response));
                assertThat(response.status()).isEqualTo(fixture.path("response").path("status").asInt());
                assertThat(Json.mapper().readTree(response.body()).path("error").path("code").asText())
                        .isEqualTo(fixture.path("response").path("code").asText());
                assertThat(received).as("events that reached a function").isEmpty();
            } else {
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                assertThat(received).hasSize(1);
                JsonNode expected = fixture.path("event");
                JsonNode actual = withoutNulls(toJson(received.peek()));
                acceptAnyWhereExpected(expected, actual);
                assertThat(actual).isEqualTo(expected);
            }
        }));
    }

    private RawHttp.Response send(JsonNode request) throws IOException {
        List<List<String>> headers = new ArrayList<>();
        request.path("headers").forEach(h -> headers.add(List.of(h.get(0).asText(), h.get(1).asText())));
        byte[] body = request.has("bodyBase64") ? Base64.getDecoder().decode(request.path("bodyBase64").asText())
                : request.path("body").asText("").getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(server.uri(), request.path("method").asText(), request.path("target").asText(), headers, body);
    }

    private static OpenApiContract.Exchange exchange(JsonNode request, RawHttp.Response response) {
        Set<String> headerNames = new HashSet<>();
        request.path("headers").forEach(h -> headerNames.add(h.get(0).asText()));
        String target = request.path("target").asText();
        return new OpenApiContract.Exchange(request.path("method").asText(), target.split("\\?", 2)[0], headerNames,
                response.status(), response.headers(), response.body());
    }

    /** The event as the Lambda Java runtime's own serialiser writes it. */
    private static JsonNode toJson(APIGatewayV2HTTPEvent event) throws IOException {
        PojoSerializer<APIGatewayV2HTTPEvent> serializer =
                LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, PayloadFormatIT.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(event, out);
        return Json.mapper().readTree(out.toByteArray());
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                } else {
                    withoutNulls(field.getValue());
                }
            }
        }
        return node;
    }

    /** Where the fixture says "<any>", the event must have a value, whatever it is. */
    private static void acceptAnyWhereExpected(JsonNode expected, JsonNode actual) {
        if (!(expected instanceof ObjectNode expectedObject) || !(actual instanceof ObjectNode actualObject)) {
            return;
        }
        expectedObject.properties().forEach(field -> {
            JsonNode value = actualObject.get(field.getKey());
            if (field.getValue().asText().equals(ANY) && value != null && !value.asText().isEmpty()) {
                actualObject.set(field.getKey(), TextNode.valueOf(ANY));
            } else if (value != null) {
                acceptAnyWhereExpected(field.getValue(), value);
            }
        });
    }
}
