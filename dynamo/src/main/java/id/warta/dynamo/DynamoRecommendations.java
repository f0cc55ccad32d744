package id.warta.dynamo;

import id.warta.content.ArticleSummary;
import id.warta.recommendations.RankedList;
import id.warta.recommendations.RecommendationStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recommendation lists, hourly aggregates, fingerprints and checkpoint in the RecommendationsTable
 * (layout: {@link RecommendationsTable}).
 * Lists carry the article summaries themselves, so a read is one GetItem instead of a GetItem plus
 * a BatchGetItem of up to 30 content items: half the round trips on the hot path, about the same
 * read units (an item of 30 summaries is some 20 KB). Titles edited later show within one rebuild.
 * The price is on the write side, some 20 write units a list against 2 for slugs only; the
 * fingerprints keep it to the lists that actually changed.
 */
public final class DynamoRecommendations implements RecommendationStore {
    /** A list the builder stops refreshing (article no longer recent nor read) disappears after this. */
    static final Duration LIST_TTL = Duration.ofDays(2);
    /** Trending must not outlive its window: a section nobody reads any more drops out. */
    static final Duration TRENDING_TTL = Duration.ofHours(2);
    static final Duration HOUR_TTL = Duration.ofDays(2);
    static final int MAX_PART_BYTES = 300 * 1024;
    private static final int BATCH_WRITE_LIMIT = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoRecommendations(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<Instant> checkpoint() {
        return get(RecommendationsTable.CHECKPOINT).map(RecommendationsTable::checkpointHour);
    }

    @Override
    public void saveCheckpoint(Instant hour) {
        dynamo.putItem(b -> b.tableName(table).item(RecommendationsTable.checkpointItem(hour)));
    }

    @Override
    public void saveHour(Instant hour, byte[] aggregate) {
        saveBlob(RecommendationsTable.hourBlob(hour), aggregate, HOUR_TTL);
    }

    @Override
    public Optional<byte[]> hour(Instant hour) {
        return blob(RecommendationsTable.hourBlob(hour));
    }

    @Override
    public int saveLists(Collection<RankedList> lists) {
        Instant now = clock.instant();
        Fingerprints previous = blob(RecommendationsTable.FINGERPRINTS).map(Fingerprints::decode).orElseGet(Fingerprints::new);
        Fingerprints current = new Fingerprints();
        List<Map<String, AttributeValue>> changed = new ArrayList<>();
        for (RankedList list : lists) {
            String pk = RecommendationsTable.listKey(list);
            List<AttributeValue> summaries = list.items().stream()
                    .map(s -> AttributeValue.fromM(ContentTable.summaryAttributes(s))).toList();
            long fingerprint = Fingerprints.of(summaries);
            Duration ttl = list.kind() == RankedList.Kind.RELATED ? LIST_TTL : TRENDING_TTL;
            // Unchanged lists are rewritten only once half their TTL has passed, so they never expire while built.
            Optional<Instant> unchangedSince = previous.writtenAt(pk, fingerprint)
                    .filter(at -> at.isAfter(now.minus(ttl.dividedBy(2))));
            if (unchangedSince.isPresent()) {
                current.put(pk, fingerprint, unchangedSince.get());
                continue;
            }
            changed.add(RecommendationsTable.listItem(pk, summaries, now, now.plus(ttl)));
            current.put(pk, fingerprint, now);
        }
        writeAll(changed);
        saveBlob(RecommendationsTable.FINGERPRINTS, current.encode(), LIST_TTL);
        return changed.size();
    }

    @Override
    public Optional<List<ArticleSummary>> related(String slug) {
        return list(RecommendationsTable.listKey(RankedList.related(slug, List.of())));
    }

    @Override
    public Optional<List<ArticleSummary>> trending(String section) {
        return list(RecommendationsTable.listKey(RankedList.trending(section, List.of())));
    }

    private Optional<List<ArticleSummary>> list(String pk) {
        Instant now = clock.instant();
        return get(pk).flatMap(item -> RecommendationsTable.summaries(item, now));
    }

    /** Bytes of any size as items {@code <name>#<part>} below the item size limit; part 0 holds the count. */
    private void saveBlob(String name, byte[] bytes, Duration ttl) {
        int parts = Math.max(1, (bytes.length + MAX_PART_BYTES - 1) / MAX_PART_BYTES);
        Instant expiresAt = clock.instant().plus(ttl);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            int from = part * MAX_PART_BYTES;
            int to = Math.min(bytes.length, from + MAX_PART_BYTES);
            items.add(RecommendationsTable.blobPartItem(name, part, parts, Arrays.copyOfRange(bytes, from, to), expiresAt));
        }
        writeAll(items);
    }

    private Optional<byte[]> blob(String name) {
        Optional<Map<String, AttributeValue>> first = get(RecommendationsTable.blobPartKey(name, 0));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        long parts = RecommendationsTable.parts(first.get());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(RecommendationsTable.data(first.get()));
        for (int part = 1; part < parts; part++) {
            Optional<Map<String, AttributeValue>> item = get(RecommendationsTable.blobPartKey(name, part));
            if (item.isEmpty()) {
                return Optional.empty();
            }
            bytes.writeBytes(RecommendationsTable.data(item.get()));
        }
        return Optional.of(bytes.toByteArray());
    }

    private Optional<Map<String, AttributeValue>> get(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(RecommendationsTable.key(pk))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private void writeAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> writes = items.subList(from, Math.min(items.size(), from + BATCH_WRITE_LIMIT)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Batches.writeAll(dynamo, Map.of(table, writes));
        }
    }
}
