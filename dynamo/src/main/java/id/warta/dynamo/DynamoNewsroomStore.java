package id.warta.dynamo;

import id.warta.newsroom.NewsroomStore;
import id.warta.newsroom.StoredArticle;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The newsroom's writes to the ContentTable ({@link ContentTable} holds the layout). Each is one
 * conditional write on the article's {@code version}, made retry-safe by {@link ConditionalWrite}: an
 * attempt whose answer was lost is recognised by its write id instead of being reported as a conflict.
 */
public final class DynamoNewsroomStore implements NewsroomStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoNewsroomStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<StoredArticle> current(String slug) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(ContentTable.articleKey(slug)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ContentTable.toStored(item));
    }

    @Override
    public boolean put(StoredArticle article, OptionalLong expectedVersion) {
        Map<String, AttributeValue> key = ContentTable.articleKey(article.article().slug());
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(ContentTable.articleItem(article));
        if (expectedVersion.isPresent()) {
            put.conditionExpression(versionIs(expectedVersion.getAsLong()))
                    .expressionAttributeNames(Map.of("#v", ContentTable.VERSION))
                    .expressionAttributeValues(Map.of(":expected", Attr.n(expectedVersion.getAsLong())));
        } else {
            put.conditionExpression("attribute_not_exists(pk)");
        }
        return ConditionalWrite.start().put(dynamo, put.build(), key);
    }

    @Override
    public boolean unpublish(String slug, long expectedVersion, Instant at) {
        Map<String, String> names = new HashMap<>();
        StringBuilder remove = new StringBuilder();
        for (String attribute : ContentTable.FEED_KEYS) {
            String name = "#" + attribute;
            names.put(name, attribute);
            remove.append(remove.isEmpty() ? " REMOVE " : ", ").append(name);
        }
        names.put("#v", ContentTable.VERSION);
        names.put("#st", ContentTable.STATUS);
        names.put("#at", ContentTable.UNPUBLISHED_AT);
        return ConditionalWrite.start().update(dynamo, UpdateItemRequest.builder()
                .tableName(table)
                .key(ContentTable.articleKey(slug))
                .conditionExpression(versionIs(expectedVersion))
                .updateExpression("SET #st = :unpublished, #at = :at, #v = :next, "
                        + ConditionalWrite.ATTRIBUTE + " = " + ConditionalWrite.VALUE + remove)
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":expected", Attr.n(expectedVersion),
                        ":next", Attr.n(expectedVersion + 1), ":unpublished", Attr.s(ContentTable.UNPUBLISHED),
                        ":at", Attr.s(ContentTable.timestamp(at))))
                .build());
    }

    /**
     * The condition that the stored version is {@code expected} (names {@code #v}, value
     * {@code :expected}). Version 0 is an article stored before versions were kept (it has none).
     */
    private static String versionIs(long expected) {
        return expected == 0 ? "attribute_exists(pk) AND (attribute_not_exists(#v) OR #v = :expected)" : "#v = :expected";
    }

    @Override
    public void saveEditorsPicks(List<String> slugs) {
        Map<String, AttributeValue> item = new HashMap<>(ContentTable.EDITORS_PICKS_KEY);
        item.put(ContentTable.SLUGS, Attr.strings(slugs));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }
}
