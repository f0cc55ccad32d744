package id.warta.local;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract check catches drift: hand-made responses that differ from openapi.yaml fail, conforming ones pass. */
class OpenApiContractTest {
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final String SUMMARY = """
            {"id":"a1","slug":"harga-beras","title":"Harga beras","summary":"Naik.","section":"ekonomi",
             "edition":"web","coverStory":%s,"accessLevel":"FREE","publishedAt":"2026-11-18T09:15:00+07:00",
             "relativeTime":"2 jam lalu","image":null,"sponsored":false}""";

    private final OpenApiContract contract = OpenApiContract.document();

    private static OpenApiContract.Exchange exchange(String method, String path, int status,
                                                     Map<String, List<String>> headers, String body) {
        return new OpenApiContract.Exchange(method, path, Set.of(), status, headers, body);
    }

    private static String listing(String coverStory) {
        return "{\"items\":[" + SUMMARY.formatted(coverStory) + "],\"nextCursor\":null}";
    }

    private static String error(String code) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"Pesan.\"}}";
    }

    @Test
    void aResponseAsDocumentedHasNoProblems() {
        assertThat(contract.problems(exchange("GET", "/articles", 200, JSON, listing("false")))).isEmpty();
    }

    @Test
    void aFieldOfTheWrongTypeIsReportedWithItsJsonPointer() {
        assertThat(contract.problems(exchange("GET", "/articles", 200, JSON, listing("\"ya\""))))
                .singleElement().asString()
                .contains("listArticles (GET /articles) 200", "/items/0/coverStory");
    }

    @Test
    void aMissingRequiredFieldIsReported() {
        String withoutAccess = "{\"access\":{\"level\":\"FREE\",\"granted\":true,\"reason\":null}}";

        assertThat(contract.problems(exchange("POST", "/articles/harga-beras/views", 200, JSON, withoutAccess)))
                .singleElement().asString().contains("recordArticleView", "/access", "meter");
    }

    @Test
    void anUndocumentedStatusIsReported() {
        assertThat(contract.problems(exchange("GET", "/articles", 418, JSON, error("BAD_REQUEST"))))
                .singleElement().asString().contains("listArticles", "status 418 is not documented");
    }

    @Test
    void anErrorCodeTheDocumentDoesNotListIsReported() {
        assertThat(contract.problems(exchange("GET", "/articles/tidak-ada", 404, JSON, error("GONE"))))
                .isNotEmpty().allSatisfy(problem -> assertThat(problem).contains("getArticle (GET /articles/{slug}) 404", "/error/code"));
    }

    @Test
    void anErrorCodeOfAnotherResponseIsReported() {
        assertThat(contract.problems(exchange("GET", "/articles/tidak-ada", 404, JSON, error("ARTICLE_NOT_FOUND")))).isEmpty();
        assertThat(contract.problems(exchange("GET", "/articles/tidak-ada", 404, JSON, error("NOT_FOUND"))))
                .singleElement().asString().contains("/error/code");
    }

    @Test
    void fieldsComeWithValidationFailedAndOnlyWithIt() {
        String withFields = "{\"error\":{\"code\":\"%s\",\"message\":\"Pesan.\",\"fields\":{\"limit\":\"1 sampai 50\"}}}";

        assertThat(contract.problems(exchange("GET", "/articles", 400, JSON, withFields.formatted("VALIDATION_FAILED")))).isEmpty();
        assertThat(contract.problems(exchange("GET", "/articles", 400, JSON, error("VALIDATION_FAILED"))))
                .singleElement().asString().contains("/error", "fields");
        assertThat(contract.problems(exchange("GET", "/articles", 400, JSON, withFields.formatted("BAD_REQUEST"))))
                .isNotEmpty();
    }

    @Test
    void aRequiredHeaderMustBePresentAndMatchItsSchema() {
        assertThat(contract.problems(exchange("POST", "/auth/login", 429, JSON, error("RATE_LIMITED"))))
                .singleElement().asString().contains("login", "Retry-After is required but missing");
        Map<String, List<String>> notSeconds = Map.of("Content-Type", List.of("application/json"), "Retry-After", List.of("soon"));
        assertThat(contract.problems(exchange("POST", "/auth/login", 429, notSeconds, error("RATE_LIMITED"))))
                .singleElement().asString().contains("Retry-After soon");
        Map<String, List<String>> seconds = Map.of("content-type", List.of("application/json"), "retry-after", List.of("42"));
        assertThat(contract.problems(exchange("POST", "/auth/login", 429, seconds, error("RATE_LIMITED")))).isEmpty();
    }

    @Test
    void aBodyOnAResponseDocumentedWithoutOneIsReported() {
        assertThat(contract.problems(exchange("POST", "/auth/password/reset", 204, JSON, "{}")))
                .singleElement().asString().contains("resetPassword", "no body");
    }

    @Test
    void aJsonResponseWithAnotherContentTypeIsReported() {
        Map<String, List<String>> html = Map.of("Content-Type", List.of("text/html"));

        assertThat(contract.problems(exchange("GET", "/articles", 200, html, listing("false"))))
                .singleElement().asString().contains("Content-Type 'text/html'");
    }

    @Test
    void aBodyThatIsNotJsonIsReported() {
        assertThat(contract.problems(exchange("GET", "/articles", 200, JSON, "<html>")))
                .singleElement().asString().contains("is not JSON");
    }

    @Test
    void aRouteTheDocumentLacksMayOnlyAnswerTheErrorOfAnUnknownRoute() {
        assertThat(contract.problems(exchange("GET", "/nope", 404, JSON, error("NOT_FOUND")))).isEmpty();
        assertThat(contract.problems(exchange("GET", "/nope", 200, JSON, "{}")))
                .singleElement().asString().contains("no path of the document matches /nope");
        assertThat(contract.problems(exchange("DELETE", "/articles", 405, JSON, error("METHOD_NOT_ALLOWED")))).isEmpty();
        assertThat(contract.problems(exchange("DELETE", "/articles", 200, JSON, "{}")))
                .singleElement().asString().contains("/articles has no DELETE operation");
    }

    @Test
    void corsPreflightsAreNotTheApiAndAreSkipped() {
        assertThat(contract.problems(new OpenApiContract.Exchange("OPTIONS", "/articles",
                Set.of("Origin", "access-control-request-method"), 204, Map.of(), ""))).isEmpty();
    }

    @Test
    void aMismatchFailsWithTheOperationStatusAndPointer() {
        assertThatThrownBy(() -> contract.assertConforms(exchange("GET", "/articles", 200, JSON, listing("1"))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("GET /articles answered 200", "listArticles", "/items/0/coverStory");
    }
}
