package id.warta.local;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Least privilege, read from template.yaml itself. */
class TemplatePolicyTest {
    private static final Set<String> DYNAMODB_WRITES = Set.of(
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
    /** The tables each function may change; every other table it may only read. */
    private static final Map<String, Set<String>> WRITABLE_TABLES = Map.of(
            "ArticlesFunction", Set.of(),
            "ViewsFunction", Set.of("ActivityTable"),
            "AccountsFunction", Set.of("AccountsTable"),
            "ActivationMailerFunction", Set.of("AccountsTable"),
            "RecommendationsFunction", Set.of("RecommendationsTable"),
            "NewsroomFunction", Set.of("ContentTable"),
            "MailFeedbackFunction", Set.of("AccountsTable"),
            "SiteFunction", Set.of());

    private final SamTemplate template = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"));

    private record Statement(String function, List<String> actions, List<Object> resources) {
    }

    @SuppressWarnings("unchecked")
    private List<Statement> statements() {
        List<Statement> statements = new ArrayList<>();
        for (SamTemplate.Function function : template.functions()) {
            Map<String, Object> properties = SamTemplate.map(
                    (Map<String, Object>) template.resources().get(function.logicalId()), "Properties");
            for (Object policy : (List<Object>) properties.getOrDefault("Policies", List.of())) {
                assertThat(policy).as(function.logicalId() + ": only inline statements, no managed policy names")
                        .isInstanceOf(Map.class);
                for (Object s : (List<Object>) ((Map<String, Object>) policy).get("Statement")) {
                    Map<String, Object> statement = (Map<String, Object>) s;
                    assertThat(statement.get("Effect")).isEqualTo("Allow");
                    Object action = statement.get("Action");
                    Object resource = statement.get("Resource");
                    statements.add(new Statement(function.logicalId(),
                            action instanceof List<?> l ? (List<String>) l : List.of((String) action),
                            resourceList(resource)));
                }
            }
        }
        return statements;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> resourceList(Object resource) {
        if (resource instanceof Map<?, ?> map && map.containsKey("Fn::If")) {
            List<Object> branches = (List<Object>) map.get("Fn::If");
            List<Object> both = new ArrayList<>(resourceList(branches.get(1)));
            both.addAll(resourceList(branches.get(2)));
            return both;
        }
        return resource instanceof List<?> list ? (List<Object>) list : List.of(resource);
    }

    /** The table a DynamoDB resource names: !GetAtt T.Arn, !GetAtt T.StreamArn or !Sub '${T.Arn}/index/...'. */
    @SuppressWarnings("unchecked")
    private static String tableOf(Object resource) {
        Map<String, Object> map = (Map<String, Object>) resource;
        if (map.containsKey("Fn::GetAtt")) {
            return ((List<String>) map.get("Fn::GetAtt")).getFirst();
        }
        String sub = (String) map.get("Fn::Sub");
        return sub.substring(2, sub.indexOf('.'));
    }

    private Set<String> tablesInEnvironment(String function) {
        Set<String> tables = new TreeSet<>();
        template.functions().stream().filter(f -> f.logicalId().equals(function)).findFirst().orElseThrow()
                .environment().values().forEach(value -> {
                    if (value instanceof Map<?, ?> ref && ref.get("Ref") instanceof String name
                            && template.tables().stream().anyMatch(t -> t.logicalId().equals(name))) {
                        tables.add(name);
                    }
                });
        return tables;
    }

    @Test
    void noFunctionHasAWildcardActionOrResource() {
        for (Statement statement : statements()) {
            assertThat(statement.actions()).as(statement.function()).noneMatch(a -> a.contains("*"));
            for (Object resource : statement.resources()) {
                String text = resource.toString();
                assertThat(text).as(statement.function()).isNotEqualTo("*");
                // Only the GSIs of a named table may be matched by pattern.
                assertThat(text.replace("/index/*", "")).as(statement.function()).doesNotContain("*");
            }
        }
    }

    @Test
    void dynamoDbAccessOnlyToTablesTheFunctionIsConfiguredWith() {
        for (Statement statement : statements()) {
            if (statement.actions().stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                for (Object resource : statement.resources()) {
                    assertThat(tablesInEnvironment(statement.function())).as(statement.function() + " " + resource)
                            .contains(tableOf(resource));
                }
            }
        }
    }

    @Test
    void writeAccessOnlyWhereTheFunctionWrites() {
        for (Statement statement : statements()) {
            if (statement.actions().stream().anyMatch(DYNAMODB_WRITES::contains)) {
                for (Object resource : statement.resources()) {
                    assertThat(WRITABLE_TABLES.get(statement.function())).as(statement.function() + " writes " + resource)
                            .contains(tableOf(resource));
                }
            }
        }
    }

    /**
     * A secret is read (GetSecretValue, nothing else) by exactly the functions whose environment names
     * it, and each of them may read exactly the secrets it names: the access-token keys by the three
     * API functions that sign or verify tokens, the server key by the two that derive keys from it.
     */
    @Test
    void secretsAreReadOnlyByTheFunctionsThatNameThem() {
        Set<String> secrets = template.resourcesOfType("AWS::SecretsManager::Secret").keySet();
        Map<String, Set<String>> readable = new TreeMap<>();
        for (Statement statement : statements()) {
            if (statement.actions().stream().anyMatch(a -> a.startsWith("secretsmanager:"))) {
                assertThat(statement.actions()).as(statement.function()).containsOnly("secretsmanager:GetSecretValue");
                for (Object resource : statement.resources()) {
                    assertThat(resource).as(statement.function() + ": a secret of this template")
                            .isIn(secrets.stream().map(id -> (Object) Map.of("Ref", id)).toList());
                    readable.computeIfAbsent(statement.function(), f -> new TreeSet<>()).add((String) ((Map<?, ?>) resource).get("Ref"));
                }
            }
        }
        Map<String, Set<String>> named = new TreeMap<>();
        for (SamTemplate.Function function : template.functions()) {
            function.environment().values().forEach(value -> {
                if (value instanceof Map<?, ?> ref && ref.get("Ref") instanceof String name && secrets.contains(name)) {
                    named.computeIfAbsent(function.logicalId(), f -> new TreeSet<>()).add(name);
                }
            });
        }
        assertThat(readable).isEqualTo(named).isEqualTo(Map.of(
                "ArticlesFunction", Set.of("AccessTokenKeysSecret"),
                "ViewsFunction", Set.of("AccessTokenKeysSecret", "ServerKeySecret"),
                "AccountsFunction", Set.of("AccessTokenKeysSecret", "ServerKeySecret")));
    }

    /** Content is changed only through the newsroom, and the newsroom only through signed (IAM) requests. */
    @Test
    void everyRouteOfTheFunctionThatWritesContentIsIamAuthorised() {
        List<String> contentWriters = WRITABLE_TABLES.entrySet().stream()
                .filter(e -> e.getValue().contains("ContentTable")).map(Map.Entry::getKey).toList();
        assertThat(contentWriters).containsExactly("NewsroomFunction");
        assertThat(template.httpRoutes()).filteredOn(r -> r.functionId().equals("NewsroomFunction"))
                .allMatch(SamTemplate.HttpRoute::iamAuthorised)
                .extracting(SamTemplate.HttpRoute::routeKey)
                .containsExactlyInAnyOrder("PUT /admin/articles/{slug}", "DELETE /admin/articles/{slug}",
                        "PUT /admin/videos/{id}", "DELETE /admin/videos/{id}", "PUT /admin/editors-picks");
    }

    /**
     * The newsroom reads and conditionally writes single items of the ContentTable: it never deletes one
     * (an unpublished record keeps its version, so a stale If-Match never matches again), never
     * writes in batches (no condition) and never queries or scans.
     */
    @Test
    void theNewsroomOnlyReadsAndConditionallyWritesSingleContentItems() {
        assertThat(statements()).filteredOn(s -> s.function().equals("NewsroomFunction"))
                .flatExtracting(Statement::actions)
                .containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem",
                        "dynamodb:UpdateItem");
    }

    @Test
    void sesIsOnlySendingFromTheSenderIdentityAndOnlyByTheMailer() {
        for (Statement statement : statements()) {
            if (statement.actions().stream().anyMatch(a -> a.startsWith("ses:"))) {
                assertThat(statement.function()).isEqualTo("ActivationMailerFunction");
                assertThat(statement.actions()).containsOnly("ses:SendEmail");
                for (Object resource : statement.resources()) {
                    assertThat(resource.toString()).matches(".*:identity/\\$\\{SenderEmail}.*|.*:configuration-set/\\$\\{MailConfigurationSet}.*");
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void queuesAcceptOnlyEventBridgeDeliveriesOfTheTemplatesOwnSchedules() {
        // The functions' own statements never name SQS: SAM grants sqs:SendMessage on exactly the
        // queue of each OnFailure destination declared with Type SQS (OperationsTemplateTest).
        assertThat(statements()).allSatisfy(statement ->
                assertThat(statement.actions()).as(statement.function()).noneMatch(a -> a.startsWith("sqs:")));
        List<Object> scheduleRules = template.schedules().stream()
                .map(s -> (Object) Map.of("Fn::GetAtt", List.of(s.functionId() + s.eventName(), "Arn")))
                .toList();
        Map<String, Map<String, Object>> policies = template.resourcesOfType("AWS::SQS::QueuePolicy");
        assertThat(policies).isNotEmpty();
        policies.forEach((id, policy) -> {
            List<Object> queues = (List<Object>) policy.get("Queues");
            assertThat(queues).as(id).hasSize(1);
            String queue = (String) ((Map<String, Object>) queues.getFirst()).get("Ref");
            for (Object s : (List<Object>) SamTemplate.map(policy, "PolicyDocument").get("Statement")) {
                Map<String, Object> statement = (Map<String, Object>) s;
                assertThat(statement).as(id)
                        .containsEntry("Effect", "Allow")
                        .containsEntry("Principal", Map.of("Service", "events.amazonaws.com"))
                        .containsEntry("Action", "sqs:SendMessage")
                        .containsEntry("Resource", Map.of("Fn::GetAtt", List.of(queue, "Arn")));
                Map<String, Object> sourceArns = SamTemplate.map(SamTemplate.map(statement, "Condition"), "ArnEquals");
                assertThat((List<Object>) sourceArns.get("aws:SourceArn")).as(id + ": the rules SAM makes of the schedules")
                        .containsExactlyInAnyOrderElementsOf(scheduleRules);
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFeedbackFunctionTouchesOnlySuppressedAddressItemsAndOnlySesOfThisStackPublishesItsTopic() {
        Map<String, Object> properties = SamTemplate.map(
                (Map<String, Object>) template.resources().get("MailFeedbackFunction"), "Properties");
        List<Object> policies = (List<Object>) properties.get("Policies");
        assertThat(policies).hasSize(1);
        List<Object> statements = (List<Object>) ((Map<String, Object>) policies.getFirst()).get("Statement");
        assertThat(statements).singleElement().satisfies(s -> {
            Map<String, Object> statement = (Map<String, Object>) s;
            assertThat((List<String>) statement.get("Action")).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem");
            assertThat(statement.get("Resource")).isEqualTo(Map.of("Fn::GetAtt", List.of("AccountsTable", "Arn")));
            assertThat(SamTemplate.map(SamTemplate.map(statement, "Condition"), "ForAllValues:StringLike"))
                    .isEqualTo(Map.of("dynamodb:LeadingKeys", List.of("SUPPRESSED#*")));
        });

        Map<String, Object> topicPolicy = template.resourcesOfType("AWS::SNS::TopicPolicy").get("MailFeedbackTopicPolicy");
        assertThat(topicPolicy.get("Topics")).isEqualTo(List.of(Map.of("Ref", "MailFeedbackTopic")));
        List<Object> topicStatements = (List<Object>) SamTemplate.map(topicPolicy, "PolicyDocument").get("Statement");
        assertThat(topicStatements).singleElement().satisfies(s -> {
            Map<String, Object> statement = (Map<String, Object>) s;
            assertThat(statement).containsEntry("Principal", Map.of("Service", "ses.amazonaws.com"))
                    .containsEntry("Action", "sns:Publish").containsEntry("Resource", Map.of("Ref", "MailFeedbackTopic"));
            assertThat(SamTemplate.map(SamTemplate.map(statement, "Condition"), "StringEquals"))
                    .containsEntry("AWS:SourceAccount", Map.of("Ref", "AWS::AccountId"))
                    .containsEntry("AWS:SourceArn", Map.of("Fn::Sub",
                            "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:configuration-set/${MailConfigurationSet}"));
        });
    }

    @Test
    void corsNeverAllowsAnyOriginWithCredentials() {
        Map<String, Object> cors = template.corsConfiguration();
        assertThat(cors.get("AllowCredentials")).isEqualTo(true);
        assertThat(cors.get("AllowOrigins")).isEqualTo(List.of(Map.of("Ref", "SiteOrigin")));
        String pattern = (String) SamTemplate.map(template.parameters(), "SiteOrigin").get("AllowedPattern");
        assertThat("*").doesNotMatch(pattern);
        assertThat("https://warta.example").matches(pattern);
    }
}
