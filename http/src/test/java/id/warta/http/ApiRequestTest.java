package id.warta.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiRequestTest {

    private static APIGatewayV2HTTPEvent event(String body, boolean base64) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey("POST /auth/login")
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body).withIsBase64Encoded(base64).build();
    }

    private static ErrorCode codeOf(Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            return e.code();
        }
        throw new AssertionError("no ApiException");
    }

    @Test
    void readsAJsonObjectAndLowerCasesHeaderNames() {
        ApiRequest request = ApiRequest.from(event("{\"email\":\"a@b.id\"}", false));

        assertThat(request.jsonObject(false).path("email").asText()).isEqualTo("a@b.id");
        assertThat(request.header("content-type")).contains("application/json");
    }

    @Test
    void decodesBase64Bodies() {
        String encoded = Base64.getEncoder().encodeToString("{\"token\":\"x\"}".getBytes());

        assertThat(ApiRequest.from(event(encoded, true)).jsonObject(false).path("token").asText()).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"text\"", "42", "null", "{\"a\":", "{'a':1}", "{\"a\":1}}"})
    void rejectsBodiesThatAreNotOneJsonObject(String body) {
        ApiRequest request = ApiRequest.from(event(body, false));

        assertThat(codeOf(() -> request.jsonObject(false))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(codeOf(() -> request.requireJsonObject(false))).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"email\":\"a@b.id\",\"email\":\"c@d.id\"}", "{\"a\":1,\"b\":2,\"a\":1}",
            "{\"outer\":{\"x\":1,\"x\":2}}", "{\"list\":[{\"k\":1,\"k\":1}]}"})
    void rejectsObjectsWithADuplicateKeyAtAnyDepth(String body) {
        ApiRequest request = ApiRequest.from(event(body, false));

        assertThat(codeOf(() -> request.jsonObject(false))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(codeOf(() -> request.requireJsonObject(false))).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    private static ApiRequest withContentType(String contentType, String body) {
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("Content-Type", contentType);
        return ApiRequest.from(APIGatewayV2HTTPEvent.builder().withRouteKey("POST /auth/register")
                .withHeaders(headers).withBody(body).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
            "application/json ; charset = \"utf-8\"", " application/json "})
    void acceptsABodyDeclaredAsJsonInUtf8(String contentType) {
        withContentType(contentType, "{}").requireJsonMediaType();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=iso-8859-1", "application/json; foo=bar",
            "application/jsonp", "application/json, text/plain", "application/merge-patch+json", ""})
    void refusesAnyOtherDeclaredTypeAs415(String contentType) {
        assertThat(codeOf(() -> withContentType(contentType, "{}").requireJsonMediaType()))
                .isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void aBodyWithoutAContentTypeIs415AndNoBodyNeedsNone() {
        assertThat(codeOf(() -> withContentType(null, "{}").requireJsonMediaType())).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        withContentType(null, null).requireJsonMediaType();
        withContentType("text/plain", "").requireJsonMediaType();
    }

    @Test
    void rejectsInvalidUtf8AndInvalidBase64() {
        String invalidUtf8 = Base64.getEncoder().encodeToString(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});

        assertThat(codeOf(() -> ApiRequest.from(event(invalidUtf8, true)).jsonObject(false))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(codeOf(() -> ApiRequest.from(event(invalidUtf8, true)).requireJsonObject(false))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(codeOf(() -> ApiRequest.from(event("%%%not base64%%%", true)))).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void rejectsBodiesOver64KibAs413() {
        String big = "{\"a\":\"" + "x".repeat(64 * 1024) + "\"}";

        assertThat(codeOf(() -> ApiRequest.from(event(big, false)))).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(codeOf(() -> ApiRequest.from(event(Base64.getEncoder().encodeToString(big.getBytes()), true))))
                .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void rejectsDeeplyNestedJson() {
        String deep = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";

        assertThat(codeOf(() -> ApiRequest.from(event(deep, false)).jsonObject(false))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(codeOf(() -> ApiRequest.from(event(deep, false)).requireJsonObject(false))).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void allowsAnEmptyBodyWhereTheRouteDoes() {
        assertThat(ApiRequest.from(event(null, false)).jsonObject(true).isEmpty()).isTrue();
        assertThatThrownBy(() -> ApiRequest.from(event(null, false)).jsonObject(false)).isInstanceOf(ApiException.class);
        ApiRequest.from(event(" ", false)).requireJsonObject(true);
        assertThatThrownBy(() -> ApiRequest.from(event(null, false)).requireJsonObject(false)).isInstanceOf(ApiException.class);
    }

    @Test
    void acceptsOneObjectWithoutBuildingATree() {
        ApiRequest.from(event("{\"nested\":{\"list\":[1,{\"k\":null}]},\"k\":true}", false)).requireJsonObject(false);
    }
}
