package id.warta.dynamo;

import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import id.warta.activity.ViewLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Views in the ActivityTable. A view is {@code VIEWS#<UTC hour>#<shard>} / {@code <reader>#<slug>}:
 * one item per reader, article and hour, so that a reader's repeated views of an article in one hour
 * count once (the item is claimed with one retry-safe conditional put, {@link ConditionalWrite}), and
 * the writes for one hot article land on {@value ActivityTable#VIEW_SHARDS} partitions (the shard follows reader and
 * article) that change every hour. The reader's history is {@code READ#<reader>} / {@code <slug>}, one item
 * per article, so a re-read overwrites. Both expire after 90 days and hold nothing but ids, a time
 * and the claiming write's random id.
 */
public final class DynamoViewLog implements ViewLog {
    public static final Duration RETENTION = Duration.ofDays(90);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoViewLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * Claims the reader's view of the article for this hour; only a view that wins the claim (or
     * whose own earlier attempt did) is counted and goes into the history.
     */
    @Override
    public boolean record(View view) {
        AttributeValue expiresAt = Attr.n(view.at().plus(RETENTION).getEpochSecond());
        AttributeValue at = Attr.s(view.at().truncatedTo(ChronoUnit.MILLIS).toString());
        String readerAndSlug = view.reader().value() + "#" + view.slug();
        Map<String, AttributeValue> key = Map.of(
                "pk", Attr.s(ActivityTable.viewBucket(view.at(), Math.floorMod(readerAndSlug.hashCode(), ActivityTable.VIEW_SHARDS))),
                "sk", Attr.s(readerAndSlug));
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.putAll(Map.of("slug", Attr.s(view.slug()), "reader", Attr.s(view.reader().value()), "at", at, "expiresAt", expiresAt));
        boolean counted = ConditionalWrite.start().putIfAbsent(dynamo, table, key, item);
        if (counted && !view.reader().isAnonymous()) {
            dynamo.putItem(b -> b.tableName(table).item(Map.of(
                    "pk", Attr.s(ActivityTable.history(view.reader())),
                    "sk", Attr.s(view.slug()),
                    "at", at,
                    "expiresAt", expiresAt)));
        }
        return counted;
    }

    @Override
    public List<View> viewsInHour(Instant hour) {
        List<View> views = new ArrayList<>();
        for (int shard = 0; shard < ActivityTable.VIEW_SHARDS; shard++) {
            String pk = ActivityTable.viewBucket(hour, shard);
            dynamo.queryPaginator(QueryRequest.builder()
                            .tableName(table)
                            .keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", Attr.s(pk)))
                            .build())
                    .items()
                    .forEach(item -> views.add(new View(Attr.string(item, "slug"),
                            new ReaderKey(Attr.string(item, "reader")), Instant.parse(Attr.string(item, "at")))));
        }
        return views;
    }

    @Override
    public Set<String> recentlyViewed(ReaderKey reader, int limit) {
        if (reader.isAnonymous()) {
            return Set.of();
        }
        // The paginator fetches lazily: the stream stops asking for pages once it has the limit.
        Set<String> slugs = new LinkedHashSet<>();
        dynamo.queryPaginator(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", Attr.s(ActivityTable.history(reader))))
                        .projectionExpression("sk")
                        .limit(limit)
                        .build())
                .items().stream()
                .limit(limit)
                .forEach(item -> slugs.add(Attr.string(item, "sk")));
        return slugs;
    }
}
