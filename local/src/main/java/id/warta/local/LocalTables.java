package id.warta.local;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Creates the tables exactly as template.yaml declares them (keys, GSIs, streams). TTL,
 * point-in-time recovery, deletion protection and the Retain policies are deploy-time settings that
 * the emulator does not have, so they are not sent; nothing relies on TTL for correctness.
 */
public final class LocalTables {
    private LocalTables() {
    }

    public static void createAll(SamTemplate template, DynamoDbClient dynamo) {
        for (SamTemplate.Table table : template.tables()) {
            try {
                dynamo.createTable(request(table));
            } catch (ResourceInUseException alreadyThere) {
                // A developer's persistent emulator keeps its tables between runs.
            }
        }
        for (SamTemplate.Table table : template.tables()) {
            awaitActive(dynamo, table.logicalId());
        }
    }

    /** The local table name of a template table: its logical id (what a local Ref resolves to). */
    public static String tableName(SamTemplate.Table table) {
        return table.logicalId();
    }

    @SuppressWarnings("unchecked")
    static CreateTableRequest request(SamTemplate.Table table) {
        Map<String, Object> p = table.properties();
        CreateTableRequest.Builder builder = CreateTableRequest.builder()
                .tableName(tableName(table))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(((List<Map<String, Object>>) p.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName((String) a.get("AttributeName"))
                                .attributeType((String) a.get("AttributeType"))
                                .build())
                        .toList())
                .keySchema(keySchema(p.get("KeySchema")));
        List<Map<String, Object>> indexes = (List<Map<String, Object>>) p.get("GlobalSecondaryIndexes");
        if (indexes != null) {
            builder.globalSecondaryIndexes(indexes.stream().map(LocalTables::index).toList());
        }
        Map<String, Object> stream = (Map<String, Object>) p.get("StreamSpecification");
        if (stream != null) {
            builder.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType((String) stream.get("StreamViewType"))
                    .build());
        }
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static GlobalSecondaryIndex index(Map<String, Object> index) {
        Map<String, Object> projection = (Map<String, Object>) index.get("Projection");
        Projection.Builder p = Projection.builder().projectionType((String) projection.get("ProjectionType"));
        if (projection.get("NonKeyAttributes") != null) {
            p.nonKeyAttributes((List<String>) projection.get("NonKeyAttributes"));
        }
        return GlobalSecondaryIndex.builder()
                .indexName((String) index.get("IndexName"))
                .keySchema(keySchema(index.get("KeySchema")))
                .projection(p.build())
                .build();
    }

    @SuppressWarnings("unchecked")
    private static List<KeySchemaElement> keySchema(Object value) {
        return ((List<Map<String, Object>>) value).stream()
                .map(k -> KeySchemaElement.builder()
                        .attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType"))
                        .build())
                .toList();
    }

    /** Polls DescribeTable: the SDK's waiter sleeps 20 s before its first look, far too long locally. */
    private static void awaitActive(DynamoDbClient dynamo, String table) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (dynamo.describeTable(b -> b.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Table " + table + " did not become ACTIVE");
            }
            Thread.onSpinWait();
        }
    }
}
