package id.warta.dynamo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import id.warta.config.FlatJson;
import id.warta.content.Article;
import id.warta.content.ArticleFilter;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;
import id.warta.content.InvalidCursorException;
import id.warta.content.Page;
import id.warta.content.Slugs;
import id.warta.content.Video;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Content as readers see it, from the ContentTable ({@link ContentTable} holds its layout): only what
 * is visible at the clock's time. A feed is one Query bounded by {@code publishedAt <= now} (a
 * scheduled article is in no feed before its moment), one article one GetItem checked the same way.
 */
public final class DynamoContentRepository implements ContentRepository {
    private static final int BATCH_GET_LIMIT = 100;
    private static final JsonFactory CURSOR_JSON = new JsonFactory();

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoContentRepository(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    public DynamoContentRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    /** The ContentTable's name, for adapters that read it in a batch with other tables. */
    String table() {
        return table;
    }

    /** The article of an item read elsewhere (in a batch), if readers may see it now. */
    Optional<Article> visibleArticle(Map<String, AttributeValue> item) {
        return Optional.ofNullable(item).filter(i -> !i.isEmpty() && ContentTable.visible(i, clock.instant()))
                .map(ContentTable::toArticle);
    }

    @Override
    public Optional<Article> findArticle(String slug) {
        return visibleArticle(dynamo.getItem(b -> b.tableName(table).key(ContentTable.articleKey(slug))).item());
    }

    @Override
    public Page<ArticleSummary> listArticles(ArticleFilter filter, int limit, Optional<String> cursor) {
        Feed feed = Feed.of(filter);
        Map<String, AttributeValue> startKey = cursor.map(c -> decodeCursor(c, feed)).orElse(null);
        String now = ContentTable.timestamp(clock.instant());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        // One more than the page so that the cursor is null exactly when nothing follows. A hand-written
        // loop rather than the SDK's paginator: each request asks only for the items still missing, and
        // the next cursor is made from the last item of the page, not from DynamoDB's LastEvaluatedKey.
        do {
            QueryResponse response = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .indexName(feed.index)
                    .keyConditionExpression("#h = :h AND publishedAt <= :now")
                    .expressionAttributeNames(Map.of("#h", feed.hashAttribute))
                    .expressionAttributeValues(Map.of(":h", Attr.s(feed.hashValue), ":now", Attr.s(now)))
                    .scanIndexForward(false)
                    .limit(limit + 1 - items.size())
                    .exclusiveStartKey(startKey)
                    .build());
            items.addAll(response.items());
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (items.size() <= limit && startKey != null);

        List<ArticleSummary> page = items.stream().limit(limit).map(ContentTable::toSummary).toList();
        Optional<String> next = items.size() > limit ? Optional.of(encodeCursor(items.get(limit - 1))) : Optional.empty();
        return new Page<>(page, next);
    }

    @Override
    public List<ArticleSummary> findSummaries(Collection<String> slugs) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(slugs));
        Instant now = clock.instant();
        List<ArticleSummary> found = new ArrayList<>();
        for (int from = 0; from < unique.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = unique.subList(from, Math.min(unique.size(), from + BATCH_GET_LIMIT))
                    .stream().map(ContentTable::articleKey).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .projectionExpression(ContentTable.SUMMARY_PROJECTION)
                    .expressionAttributeNames(ContentTable.SUMMARY_NAMES)
                    .build());
            Batches.getAll(dynamo, request).getOrDefault(table, List.of()).stream()
                    .filter(item -> ContentTable.visible(item, now))
                    .forEach(item -> found.add(ContentTable.toSummary(item)));
        }
        return found;
    }

    @Override
    public List<ArticleSummary> publishedSince(Instant since, int limit) {
        // The paginator fetches lazily: the stream stops asking for pages once it has the limit.
        return dynamo.queryPaginator(QueryRequest.builder()
                        .tableName(table)
                        .indexName("ByKind")
                        .keyConditionExpression("kind = :k AND publishedAt BETWEEN :since AND :now")
                        .expressionAttributeValues(Map.of(":k", Attr.s(ContentTable.ARTICLE),
                                ":since", Attr.s(ContentTable.timestamp(since)),
                                ":now", Attr.s(ContentTable.timestamp(clock.instant()))))
                        .scanIndexForward(false)
                        .limit(Math.min(1000, limit))
                        .build())
                .items().stream()
                .limit(limit)
                .map(ContentTable::toSummary)
                .toList();
    }

    @Override
    public List<Video> latestVideos(int limit) {
        return dynamo.query(QueryRequest.builder()
                        .tableName(table)
                        .indexName("ByKind")
                        .keyConditionExpression("kind = :k AND publishedAt <= :now")
                        .expressionAttributeValues(Map.of(":k", Attr.s(ContentTable.VIDEO),
                                ":now", Attr.s(ContentTable.timestamp(clock.instant()))))
                        .scanIndexForward(false)
                        .limit(limit)
                        .build())
                .items().stream().map(ContentTable::toVideo).toList();
    }

    @Override
    public List<ArticleSummary> editorsPicks() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(ContentTable.EDITORS_PICKS_KEY)).item();
        List<String> slugs = item == null ? List.of() : Attr.stringList(item, ContentTable.SLUGS);
        Map<String, ArticleSummary> found = new HashMap<>();
        findSummaries(slugs).forEach(s -> found.put(s.slug(), s));
        return slugs.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** The cursor names only the last item (its key and time); the index key is re-derived from the query. */
    private static String encodeCursor(Map<String, AttributeValue> lastItem) {
        StringWriter json = new StringWriter(96);
        try (JsonGenerator generator = CURSOR_JSON.createGenerator(json)) {
            generator.writeStartObject();
            generator.writeStringField("k", Attr.string(lastItem, "pk"));
            generator.writeStringField("t", Attr.string(lastItem, "publishedAt"));
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor, Feed feed) {
        try {
            if (cursor.length() > 512) {
                throw new InvalidCursorException();
            }
            Map<String, String> fields = FlatJson.stringFields(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            String key = fields.getOrDefault("k", "");
            String time = fields.getOrDefault("t", "");
            if (!isArticleKey(key) || !ContentTable.timestamp(Instant.parse(time)).equals(time)) {
                throw new InvalidCursorException();
            }
            return Map.of("pk", Attr.s(key), "publishedAt", Attr.s(time), feed.hashAttribute, Attr.s(feed.hashValue));
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new InvalidCursorException();
        }
    }

    private static boolean isArticleKey(String key) {
        String prefix = ContentTable.ARTICLE + "#";
        return key.startsWith(prefix) && Slugs.isValid(key.substring(prefix.length()));
    }

    /** Which GSI serves a filter, and the value of its partition key. */
    private record Feed(String index, String hashAttribute, String hashValue) {
        static Feed of(ArticleFilter filter) {
            if (filter.section().isPresent() && filter.edition().isPresent()) {
                return new Feed("BySectionEdition", ContentTable.SECTION_EDITION,
                        ContentTable.sectionEdition(filter.section().get(), filter.edition().get()));
            }
            if (filter.section().isPresent()) {
                return new Feed("BySection", "section", filter.section().get());
            }
            if (filter.edition().isPresent()) {
                return new Feed("ByEdition", "edition", filter.edition().get().wireName());
            }
            return new Feed("ByKind", ContentTable.KIND, ContentTable.ARTICLE);
        }
    }
}
