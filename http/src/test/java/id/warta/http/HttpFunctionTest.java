package id.warta.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.warta.testing.TestSigningKeys;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared pipeline: what every route of every function gets before and after its own code. */
class HttpFunctionTest {
    private final List<String> handled = new ArrayList<>();
    private final HttpFunction http = HttpFunction.builder(new RequestLog("test", line -> { }, measurements -> { }))
            .route("POST /things", request -> {
                handled.add(request.jsonObject(true).toString());
                return ApiResponse.ok(Map.of("ok", true), CachePolicy.PRIVATE);
            })
            .route("GET /public", request -> ApiResponse.ok(Map.of("items", List.of()), CachePolicy.PUBLIC_SHORT))
            .route("GET /per-browser", request -> ApiResponse.ok(Map.of("items", List.of()), CachePolicy.PUBLIC_SHORT)
                    .varyingAlsoOn("X-Reader-Id"))
            .build();

    private static List<String> vary(APIGatewayV2HTTPResponse response) {
        return Arrays.stream(response.getHeaders().get("vary").split(",")).map(String::strip).toList();
    }

    private APIGatewayV2HTTPResponse post(String routeKey, String contentType, String body) {
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        return http.handle(APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withHeaders(headers).withBody(body).build(), null);
    }

    @Test
    void aBodyThatIsNotDeclaredAsJsonIs415WithTheErrorBodyAndNeverReachesTheRoute() {
        for (String contentType : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
            APIGatewayV2HTTPResponse response = post("POST /things", contentType, "{\"email\":\"a@b.id\"}");

            assertThat(response.getStatusCode()).as(contentType).isEqualTo(415);
            assertThat(response.getBody()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"", "\"message\":");
        }
        assertThat(handled).isEmpty();
    }

    @Test
    void aRequestWithoutABodyNeedsNoContentType() {
        assertThat(post("POST /things", null, null).getStatusCode()).isEqualTo(200);
        assertThat(post("POST /things", "application/json; charset=utf-8", "{}").getStatusCode()).isEqualTo(200);
        assertThat(handled).hasSize(2);
    }

    @Test
    void anUnknownRouteIs404WhateverItsBody() {
        assertThat(post("POST /elsewhere", "text/plain", "hello").getStatusCode()).isEqualTo(404);
    }

    @Test
    void everyAnswerVariesOnOriginAndAuthorizationAndARouteMayAddItsOwnHeader() {
        APIGatewayV2HTTPEvent noOrigin = APIGatewayV2HTTPEvent.builder().withRouteKey("GET /public").withHeaders(Map.of()).build();

        assertThat(vary(http.handle(noOrigin, null))).containsExactly("Origin", "Authorization");
        noOrigin.setRouteKey("GET /per-browser");
        assertThat(vary(http.handle(noOrigin, null))).containsExactly("Origin", "Authorization", "X-Reader-Id");
        assertThat(vary(post("POST /things", "text/plain", "x"))).as("errors too").containsExactly("Origin", "Authorization");
        assertThat(vary(post("GET /unknown", null, null))).containsExactly("Origin", "Authorization");
    }

    @Test
    void primingWithTheForeignTokenRunsTheVerifierAndIsRefusedBeforeTheRouteActs() {
        List<String> logLines = new ArrayList<>();
        List<String> acted = new ArrayList<>();
        ReaderIdentity identity = new ReaderIdentity(
                new JwtAccessTokens(TestSigningKeys.single("the-key-of-this-function-0123456789abcdef"), Clock.systemUTC()));
        HttpFunction primed = HttpFunction.builder(new RequestLog("test", logLines::add, measurements -> { }))
                .route("GET /articles/{slug}", request -> {
                    identity.bearer(request);
                    acted.add(request.slug());
                    return ApiResponse.noContent();
                })
                .build();

        primed.primeWithForeignToken("GET /articles/{slug}", "/articles/snapstart-priming", null);

        assertThat(acted).isEmpty();
        assertThat(logLines).singleElement().asString().contains("\"status\":401", "\"error\":\"UNAUTHORIZED\"");
    }
}
