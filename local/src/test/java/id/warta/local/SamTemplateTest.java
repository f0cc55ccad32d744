package id.warta.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the local server and the harness read from template.yaml, and that it points at real code. */
class SamTemplateTest {
    private final SamTemplate template = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"));

    @Test
    void everyFunctionHandlerIsARequestHandlerWithAnEnvironmentAndClockConstructor() throws Exception {
        assertThat(template.functions()).hasSizeGreaterThanOrEqualTo(5);
        for (SamTemplate.Function function : template.functions()) {
            Class<?> type = Class.forName(function.handlerClass());
            assertThat(RequestHandler.class.isAssignableFrom(type)).as(function.logicalId()).isTrue();
            assertThat(type.getConstructor(Map.class, Clock.class)).as(function.logicalId()).isNotNull();
            assertThat(type.getConstructor()).as(function.logicalId() + " no-arg constructor for Lambda").isNotNull();
            assertThat(function.handlerMethod()).isEqualTo("handleRequest");
        }
    }

    @Test
    void resolvesFunctionEnvironmentForTheLocalStack() {
        SamTemplate.Function articles = template.functions().stream()
                .filter(f -> f.logicalId().equals("ArticlesFunction")).findFirst().orElseThrow();
        Intrinsics intrinsics = new Intrinsics(template, Map.of("FreeArticlesPerMonth", "2"),
                "us-east-1");

        assertThat(intrinsics.resolveString(articles.environment().get("CONTENT_TABLE"))).isEqualTo("ContentTable");
        assertThat(intrinsics.resolveString(articles.environment().get("FREE_ARTICLES_PER_MONTH"))).isEqualTo("2");
        assertThat(intrinsics.resolveString(articles.environment().get("JAVA_TOOL_OPTIONS"))).contains("TieredStopAtLevel=1");
    }

    @Test
    void functionsTakeTheirEndpointsFromParametersThatDefaultToRealAws() {
        for (String parameter : List.of("DynamoDbEndpoint", "SesEndpoint")) {
            assertThat(SamTemplate.map(template.parameters(), parameter).get("Default")).as(parameter).isEqualTo("");
        }
        for (SamTemplate.Function function : template.functions()) {
            assertThat(function.environment()).as(function.logicalId())
                    .containsEntry("DYNAMODB_ENDPOINT", Map.of("Ref", "DynamoDbEndpoint"));
        }
        assertThat(template.functions().stream().filter(f -> f.environment().containsKey("SES_ENDPOINT")))
                .extracting(SamTemplate.Function::logicalId).containsExactly("ActivationMailerFunction");
        assertThat(mailer().environment()).containsEntry("SES_ENDPOINT", Map.of("Ref", "SesEndpoint"));
    }

    private SamTemplate.Function mailer() {
        return template.functions().stream().filter(f -> f.logicalId().equals("ActivationMailerFunction")).findFirst().orElseThrow();
    }

    @Test
    void everyTableOutlivesItsStackAndRefusesDeletion() {
        assertThat(template.tables()).hasSize(4);
        for (SamTemplate.Table table : template.tables()) {
            Map<String, Object> resource = SamTemplate.map(template.resources(), table.logicalId());
            assertThat(resource.get("DeletionPolicy")).as(table.logicalId() + " DeletionPolicy").isEqualTo("Retain");
            assertThat(resource.get("UpdateReplacePolicy")).as(table.logicalId() + " UpdateReplacePolicy").isEqualTo("Retain");
            assertThat(table.properties().get("DeletionProtectionEnabled")).as(table.logicalId() + " deletion protection")
                    .isEqualTo(true);
        }
    }

    @Test
    void tablesThatCannotBeRebuiltHavePointInTimeRecovery() {
        for (String sourceOfTruth : Set.of("ContentTable", "AccountsTable", "ActivityTable")) {
            SamTemplate.Table table = template.tables().stream()
                    .filter(t -> t.logicalId().equals(sourceOfTruth)).findFirst().orElseThrow();
            assertThat(SamTemplate.map(table.properties(), "PointInTimeRecoverySpecification"))
                    .as(sourceOfTruth + " point-in-time recovery")
                    .containsEntry("PointInTimeRecoveryEnabled", true);
        }
    }

    @Test
    void readsRoutesAndSchedules() {
        assertThat(template.httpRoutes()).anyMatch(r -> r.routeKey().equals("GET /articles/{slug}")
                && r.functionId().equals("ArticlesFunction"));
        assertThat(template.httpRoutes()).anyMatch(r -> r.routeKey().equals("PUT /admin/accounts/{accountId}/subscription")
                && r.iamAuthorised());
        assertThat(template.schedules()).anyMatch(s -> s.functionId().equals("RecommendationsFunction")
                && s.rate().toMinutes() == 15);
    }

    @Test
    void matchesTheMostSpecificRouteLikeApiGateway() {
        RouteTable routes = new RouteTable(template.httpRoutes());

        RouteTable.Match views = routes.match("POST", "/articles/banjir-demak/views").orElseThrow();
        assertThat(views.route().routeKey()).isEqualTo("POST /articles/{slug}/views");
        assertThat(views.pathParameters()).containsEntry("slug", "banjir-demak");
        assertThat(routes.match("GET", "/articles").orElseThrow().route().routeKey()).isEqualTo("GET /articles");
        assertThat(routes.match("DELETE", "/articles").orElseThrow().route().routeKey()).isEqualTo("$default");
        assertThat(routes.match("GET", "/articles/a/b/c").orElseThrow().route().routeKey()).isEqualTo("$default");
    }
}
