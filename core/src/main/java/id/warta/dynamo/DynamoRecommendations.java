package id.warta.dynamo;

import id.warta.content.ArticleSummary;
import id.warta.recommendations.RankedList;
import id.warta.recommendations.RecommendationStore;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RecommendationsTable (pk only; TTL expiresAt). Items:
 * <ul>
 *   <li>{@code RECS#<slug>}: the article's related articles, best first;</li>
 *   <li>{@code TRENDING#all}, {@code TRENDING#<section>}: most viewed in the last 24 hours;</li>
 *   <li>{@code HOUR#<yyyyMMddHH UTC>#<part>}: the gzip'd aggregate of one completed hour of views,
 *       split into parts below the 400 KB item limit (part 0 holds the number of parts);</li>
 *   <li>{@code CHECKPOINT}: the last hour aggregated.</li>
 * </ul>
 * Lists carry the article summaries themselves, so a read is one GetItem instead of a GetItem plus
 * a BatchGetItem of up to 30 content items: half the round trips on the hot path, about the same
 * read units (an item of 30 summaries is some 20 KB). Titles edited later show within one rebuild.
 */
public final class DynamoRecommendations implements RecommendationStore {
    /** A list the builder stops refreshing (article no longer recent nor read) disappears after this. */
    static final Duration LIST_TTL = Duration.ofDays(2);
    /** Trending must not outlive its window: a section nobody reads any more drops out. */
    static final Duration TRENDING_TTL = Duration.ofHours(2);
    static final Duration HOUR_TTL = Duration.ofDays(2);
    static final int MAX_PART_BYTES = 300 * 1024;
    private static final int BATCH_WRITE_LIMIT = 25;
    private static final String CHECKPOINT = "CHECKPOINT";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoRecommendations(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    static String key(RankedList list) {
        return (list.kind() == RankedList.Kind.RELATED ? "RECS#" : "TRENDING#") + list.subject();
    }

    private static String hourKey(Instant hour, int part) {
        return "HOUR#" + HOUR.format(hour) + "#" + part;
    }

    @Override
    public Optional<Instant> checkpoint() {
        return get(CHECKPOINT).map(item -> Instant.parse(Attr.string(item, "hour")));
    }

    @Override
    public void saveCheckpoint(Instant hour) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", Attr.s(CHECKPOINT), "hour", Attr.s(hour.toString()))));
    }

    @Override
    public void saveHour(Instant hour, byte[] aggregate) {
        int parts = Math.max(1, (aggregate.length + MAX_PART_BYTES - 1) / MAX_PART_BYTES);
        AttributeValue expiresAt = Attr.n(clock.instant().plus(HOUR_TTL).getEpochSecond());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            int from = part * MAX_PART_BYTES;
            int to = Math.min(aggregate.length, from + MAX_PART_BYTES);
            items.add(Map.of("pk", Attr.s(hourKey(hour, part)), "parts", Attr.n(parts),
                    "data", AttributeValue.fromB(SdkBytes.fromByteArray(java.util.Arrays.copyOfRange(aggregate, from, to))),
                    "expiresAt", expiresAt));
        }
        writeAll(items);
    }

    @Override
    public Optional<byte[]> hour(Instant hour) {
        Optional<Map<String, AttributeValue>> first = get(hourKey(hour, 0));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        long parts = Attr.number(first.get(), "parts", 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(first.get().get("data").b().asByteArrayUnsafe());
        for (int part = 1; part < parts; part++) {
            Optional<Map<String, AttributeValue>> item = get(hourKey(hour, part));
            if (item.isEmpty()) {
                return Optional.empty();
            }
            bytes.writeBytes(item.get().get("data").b().asByteArrayUnsafe());
        }
        return Optional.of(bytes.toByteArray());
    }

    @Override
    public void saveLists(Collection<RankedList> lists) {
        Instant now = clock.instant();
        List<Map<String, AttributeValue>> items = new ArrayList<>(lists.size());
        for (RankedList list : lists) {
            Duration ttl = list.kind() == RankedList.Kind.RELATED ? LIST_TTL : TRENDING_TTL;
            items.add(Map.of(
                    "pk", Attr.s(key(list)),
                    "items", AttributeValue.fromL(list.items().stream()
                            .map(s -> AttributeValue.fromM(DynamoContentRepository.summaryAttributes(s))).toList()),
                    "builtAt", Attr.s(now.toString()),
                    "expiresAt", Attr.n(now.plus(ttl).getEpochSecond())));
        }
        writeAll(items);
    }

    @Override
    public Optional<List<ArticleSummary>> related(String slug) {
        return list(key(RankedList.related(slug, List.of())));
    }

    @Override
    public Optional<List<ArticleSummary>> trending(String section) {
        return list(key(RankedList.trending(section, List.of())));
    }

    /** A list past its TTL counts as absent even before DynamoDB's TTL sweep removes it. */
    private Optional<List<ArticleSummary>> list(String pk) {
        long now = clock.instant().getEpochSecond();
        return get(pk)
                .filter(item -> Attr.number(item, "expiresAt", Long.MAX_VALUE) > now)
                .map(item -> item.get("items").l().stream()
                        .map(v -> DynamoContentRepository.toSummary(v.m())).toList());
    }

    private Optional<Map<String, AttributeValue>> get(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", Attr.s(pk)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private void writeAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> writes = items.subList(from, Math.min(items.size(), from + BATCH_WRITE_LIMIT)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, writes);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 0) {
                    backOff(attempt);
                }
                var response = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
                pending = response.hasUnprocessedItems() ? new HashMap<>(response.unprocessedItems()) : Map.of();
            }
        }
    }

    /** Unprocessed items mean throttling: retrying at once would be throttled again. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(2000, 50L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing recommendations", e);
        }
    }
}
