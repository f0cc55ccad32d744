package id.warta.dynamo;

import id.warta.content.Article;
import id.warta.content.Publishable;
import id.warta.content.Video;
import id.warta.newsroom.NewsroomStore;
import id.warta.newsroom.Shelf;
import id.warta.newsroom.Stored;
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
import java.util.function.Function;

/**
 * The newsroom's writes to the ContentTable ({@link ContentTable} holds the layout), the only writer
 * of its articles and videos. Each is one conditional write on the item's {@code version}, made
 * retry-safe by {@link ConditionalWrite}: an attempt whose answer was lost is recognised by its write
 * id instead of being reported as a conflict.
 */
public final class DynamoNewsroomStore implements NewsroomStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Shelf<Article> articles;
    private final Shelf<Video> videos;

    public DynamoNewsroomStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.articles = new Items<>(ContentTable::articleKey, ContentTable::articleItem, ContentTable::toArticle,
                ContentTable.ARTICLE_FEED_KEYS);
        this.videos = new Items<>(ContentTable::videoKey, ContentTable::videoItem, ContentTable::toVideo,
                ContentTable.VIDEO_FEED_KEYS);
    }

    @Override
    public Shelf<Article> articles() {
        return articles;
    }

    @Override
    public Shelf<Video> videos() {
        return videos;
    }

    @Override
    public void saveEditorsPicks(List<String> slugs) {
        Map<String, AttributeValue> item = new HashMap<>(ContentTable.EDITORS_PICKS_KEY);
        item.put(ContentTable.SLUGS, Attr.strings(slugs));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /**
     * One kind of item: its key, its codec, and the GSI keys it drops when unpublished (so that it
     * leaves every feed; the status keeps a GetItem from showing it).
     */
    private final class Items<T extends Publishable> implements Shelf<T> {
        private final Function<String, Map<String, AttributeValue>> key;
        private final Function<Stored<T>, Map<String, AttributeValue>> item;
        private final Function<Map<String, AttributeValue>, T> content;
        private final List<String> feedKeys;

        Items(Function<String, Map<String, AttributeValue>> key, Function<Stored<T>, Map<String, AttributeValue>> item,
              Function<Map<String, AttributeValue>, T> content, List<String> feedKeys) {
            this.key = key;
            this.item = item;
            this.content = content;
            this.feedKeys = feedKeys;
        }

        @Override
        public Optional<Stored<T>> current(String id) {
            Map<String, AttributeValue> stored = dynamo.getItem(b -> b.tableName(table)
                    .key(key.apply(id)).consistentRead(true)).item();
            return stored == null || stored.isEmpty() ? Optional.empty() : Optional.of(ContentTable.toStored(stored, content));
        }

        @Override
        public boolean put(String id, Stored<T> stored, OptionalLong expectedVersion) {
            PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item.apply(stored));
            if (expectedVersion.isPresent()) {
                put.conditionExpression(versionIs(expectedVersion.getAsLong()))
                        .expressionAttributeNames(Map.of("#v", ContentTable.VERSION))
                        .expressionAttributeValues(Map.of(":expected", Attr.n(expectedVersion.getAsLong())));
            } else {
                put.conditionExpression("attribute_not_exists(pk)");
            }
            return ConditionalWrite.start().put(dynamo, put.build(), key.apply(id));
        }

        @Override
        public boolean unpublish(String id, long expectedVersion, Instant at) {
            Map<String, String> names = new HashMap<>();
            StringBuilder remove = new StringBuilder();
            for (String attribute : feedKeys) {
                String name = "#" + attribute;
                names.put(name, attribute);
                remove.append(remove.isEmpty() ? " REMOVE " : ", ").append(name);
            }
            names.put("#v", ContentTable.VERSION);
            names.put("#st", ContentTable.STATUS);
            names.put("#at", ContentTable.UNPUBLISHED_AT);
            return ConditionalWrite.start().update(dynamo, UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key.apply(id))
                    .conditionExpression(versionIs(expectedVersion))
                    .updateExpression("SET #st = :unpublished, #at = :at, #v = :next, "
                            + ConditionalWrite.ATTRIBUTE + " = " + ConditionalWrite.VALUE + remove)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":expected", Attr.n(expectedVersion),
                            ":next", Attr.n(expectedVersion + 1), ":unpublished", Attr.s(ContentTable.UNPUBLISHED),
                            ":at", Attr.s(ContentTable.timestamp(at))))
                    .build());
        }
    }

    /**
     * The condition that the stored version is {@code expected} (names {@code #v}, value
     * {@code :expected}). Version 0 is an item stored before versions were kept (it has none).
     */
    private static String versionIs(long expected) {
        return expected == 0 ? "attribute_exists(pk) AND (attribute_not_exists(#v) OR #v = :expected)" : "#v = :expected";
    }
}
