package id.warta.dynamo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import id.warta.content.Article;
import id.warta.content.ArticleFilter;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;
import id.warta.content.Edition;
import id.warta.content.EditorsPick;
import id.warta.content.Image;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Content in the ContentTable (see template.yaml): one item per article or video, keyed
 * {@code ARTICLE#slug} / {@code VIDEO#id}; newest-first feeds come from the GSIs.
 */
public final class DynamoContentRepository implements ContentRepository {
    private static final String ARTICLE = "ARTICLE";
    private static final String VIDEO = "VIDEO";
    private static final int BATCH_GET_LIMIT = 100;
    private static final JsonFactory CURSOR_JSON = new JsonFactory();

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoContentRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The ContentTable's name, for adapters that read it in a batch with other tables. */
    String table() {
        return table;
    }

    public static String articleKey(String slug) {
        return ARTICLE + "#" + slug;
    }

    @Override
    public Optional<Article> findArticle(String slug) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("pk", Attr.s(articleKey(slug))))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toArticle(item));
    }

    @Override
    public Page<ArticleSummary> listArticles(ArticleFilter filter, int limit, Optional<String> cursor) {
        Feed feed = Feed.of(filter);
        Map<String, AttributeValue> startKey = cursor.map(c -> decodeCursor(c, feed)).orElse(null);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        // One more than the page so that the cursor is null exactly when nothing follows. A hand-written
        // loop rather than the SDK's paginator: each request asks only for the items still missing, and
        // the next cursor is made from the last item of the page, not from DynamoDB's LastEvaluatedKey.
        do {
            QueryResponse response = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .indexName(feed.index)
                    .keyConditionExpression("#h = :h")
                    .expressionAttributeNames(Map.of("#h", feed.hashAttribute))
                    .expressionAttributeValues(Map.of(":h", Attr.s(feed.hashValue)))
                    .scanIndexForward(false)
                    .limit(limit + 1 - items.size())
                    .exclusiveStartKey(startKey)
                    .build());
            items.addAll(response.items());
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (items.size() <= limit && startKey != null);

        List<ArticleSummary> page = items.stream().limit(limit).map(DynamoContentRepository::toSummary).toList();
        Optional<String> next = items.size() > limit ? Optional.of(encodeCursor(items.get(limit - 1))) : Optional.empty();
        return new Page<>(page, next);
    }

    @Override
    public List<ArticleSummary> findSummaries(Collection<String> slugs) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(slugs));
        List<ArticleSummary> found = new ArrayList<>();
        for (int from = 0; from < unique.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = unique.subList(from, Math.min(unique.size(), from + BATCH_GET_LIMIT))
                    .stream().map(slug -> Map.of("pk", Attr.s(articleKey(slug)))).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .projectionExpression("id, slug, title, summary, #s, edition, coverStory, publishedAt, image, sponsored, tags")
                    .expressionAttributeNames(Map.of("#s", "section"))
                    .build());
            Batches.getAll(dynamo, request).getOrDefault(table, List.of()).forEach(item -> found.add(toSummary(item)));
        }
        return found;
    }

    @Override
    public List<ArticleSummary> publishedSince(Instant since, int limit) {
        // The paginator fetches lazily: the stream stops asking for pages once it has the limit.
        return dynamo.queryPaginator(QueryRequest.builder()
                        .tableName(table)
                        .indexName("ByKind")
                        .keyConditionExpression("kind = :k AND publishedAt >= :since")
                        .expressionAttributeValues(Map.of(":k", Attr.s(ARTICLE), ":since", Attr.s(timestamp(since))))
                        .scanIndexForward(false)
                        .limit(Math.min(1000, limit))
                        .build())
                .items().stream()
                .limit(limit)
                .map(DynamoContentRepository::toSummary)
                .toList();
    }

    @Override
    public List<Video> latestVideos(int limit) {
        return dynamo.query(QueryRequest.builder()
                        .tableName(table)
                        .indexName("ByKind")
                        .keyConditionExpression("kind = :k")
                        .expressionAttributeValues(Map.of(":k", Attr.s(VIDEO)))
                        .scanIndexForward(false)
                        .limit(limit)
                        .build())
                .items().stream().map(DynamoContentRepository::toVideo).toList();
    }

    @Override
    public void save(Article article) {
        ArticleSummary s = article.summary();
        Map<String, AttributeValue> item = summaryAttributes(s);
        item.put("pk", Attr.s(articleKey(s.slug())));
        item.put("kind", Attr.s(ARTICLE));
        item.put("sectionEdition", Attr.s(sectionEdition(s.section(), s.edition())));
        item.put("reporter", Attr.s(article.reporter()));
        item.put("editor", Attr.s(article.editor()));
        item.put("sources", Attr.strings(article.sources()));
        if (article.editorsPick() != null) {
            item.put("editorsPick", AttributeValue.fromM(Map.of(
                    "slug", Attr.s(article.editorsPick().slug()), "title", Attr.s(article.editorsPick().title()))));
        }
        item.put("body", Attr.strings(article.body()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public void save(Video video) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", Attr.s(VIDEO + "#" + video.id()));
        item.put("kind", Attr.s(VIDEO));
        item.put("id", Attr.s(video.id()));
        item.put("title", Attr.s(video.title()));
        item.put("summary", Attr.s(video.summary()));
        item.put("publishedAt", Attr.s(timestamp(video.publishedAt())));
        item.put("thumbnail", image(video.thumbnail()));
        item.put("videoUrl", Attr.s(video.videoUrl()));
        item.put("durationSeconds", Attr.n(video.durationSeconds()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** The attributes {@link #toSummary} reads back (also how other tables denormalise a summary). */
    static Map<String, AttributeValue> summaryAttributes(ArticleSummary s) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", Attr.s(s.id()));
        item.put("slug", Attr.s(s.slug()));
        item.put("title", Attr.s(s.title()));
        item.put("summary", Attr.s(s.summary()));
        item.put("section", Attr.s(s.section()));
        item.put("edition", Attr.s(s.edition().wireName()));
        item.put("coverStory", Attr.bool(s.coverStory()));
        item.put("publishedAt", Attr.s(timestamp(s.publishedAt())));
        item.put("sponsored", Attr.bool(s.sponsored()));
        item.put("tags", Attr.strings(s.tags()));
        if (s.image() != null) {
            item.put("image", image(s.image()));
        }
        return item;
    }

    /** Second precision, fixed width, UTC: sorts lexically in the GSIs. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String sectionEdition(String section, Edition edition) {
        return section + "#" + edition.wireName();
    }

    private static AttributeValue image(Image image) {
        return AttributeValue.fromM(Map.of(
                "url", Attr.s(image.url()), "caption", Attr.s(image.caption()), "credit", Attr.s(image.credit())));
    }

    private static Image toImage(Map<String, AttributeValue> map) {
        return map == null ? null : new Image(Attr.string(map, "url"), Attr.string(map, "caption"), Attr.string(map, "credit"));
    }

    static ArticleSummary toSummary(Map<String, AttributeValue> item) {
        return new ArticleSummary(
                Attr.string(item, "id"),
                Attr.string(item, "slug"),
                Attr.string(item, "title"),
                Attr.string(item, "summary"),
                Attr.string(item, "section"),
                Edition.fromWireName(Attr.string(item, "edition")).orElseThrow(),
                Attr.bool(item, "coverStory"),
                Instant.parse(Attr.string(item, "publishedAt")),
                toImage(Attr.map(item, "image")),
                Attr.bool(item, "sponsored"),
                Attr.stringList(item, "tags"));
    }

    static Article toArticle(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> pick = Attr.map(item, "editorsPick");
        return new Article(
                toSummary(item),
                Attr.string(item, "reporter"),
                Attr.string(item, "editor"),
                Attr.stringList(item, "sources"),
                pick == null ? null : new EditorsPick(Attr.string(pick, "slug"), Attr.string(pick, "title")),
                Attr.stringList(item, "body"));
    }

    private static Video toVideo(Map<String, AttributeValue> item) {
        return new Video(
                Attr.string(item, "id"),
                Attr.string(item, "title"),
                Attr.string(item, "summary"),
                Instant.parse(Attr.string(item, "publishedAt")),
                toImage(Attr.map(item, "thumbnail")),
                Attr.string(item, "videoUrl"),
                (int) Attr.number(item, "durationSeconds", 0));
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
            Map<String, String> fields = cursorFields(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            String key = fields.getOrDefault("k", "");
            String time = fields.getOrDefault("t", "");
            if (!isArticleKey(key) || !timestamp(Instant.parse(time)).equals(time)) {
                throw new InvalidCursorException();
            }
            return Map.of("pk", Attr.s(key), "publishedAt", Attr.s(time), feed.hashAttribute, Attr.s(feed.hashValue));
        } catch (IllegalArgumentException | IOException | DateTimeParseException | NullPointerException e) {
            throw new InvalidCursorException();
        }
    }

    /** The string fields of a flat JSON object (the streaming parser: a cursor needs no data binding). */
    private static Map<String, String> cursorFields(String json) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = CURSOR_JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidCursorException();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    fields.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new InvalidCursorException();
            }
        }
        return fields;
    }

    private static boolean isArticleKey(String key) {
        String prefix = ARTICLE + "#";
        return key.startsWith(prefix) && Slugs.isValid(key.substring(prefix.length()));
    }

    /** Which GSI serves a filter, and the value of its partition key. */
    private record Feed(String index, String hashAttribute, String hashValue) {
        static Feed of(ArticleFilter filter) {
            if (filter.section().isPresent() && filter.edition().isPresent()) {
                return new Feed("BySectionEdition", "sectionEdition",
                        sectionEdition(filter.section().get(), filter.edition().get()));
            }
            if (filter.section().isPresent()) {
                return new Feed("BySection", "section", filter.section().get());
            }
            if (filter.edition().isPresent()) {
                return new Feed("ByEdition", "edition", filter.edition().get().wireName());
            }
            return new Feed("ByKind", "kind", ARTICLE);
        }
    }
}
