package id.warta.dynamo;

import id.warta.content.ArticleSummary;
import id.warta.recommendations.RankedList;
import id.warta.recommendations.RecommendationStore;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
 *   <li>{@code CHECKPOINT}: the last hour aggregated;</li>
 *   <li>{@code FINGERPRINTS#<part>}: a hash of every list as last written, so that a rebuild writes
 *       only the lists that changed (most lists of a quiet hour do not);</li>
 *   <li>{@code BUILDER_LEASE}: the run that holds the builder's single-run lease, and until when
 *       ({@link DynamoBuilderLease}).</li>
 * </ul>
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
    private static final String CHECKPOINT = "CHECKPOINT";
    private static final String FINGERPRINTS = "FINGERPRINTS";
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

    private static String hourName(Instant hour) {
        return "HOUR#" + HOUR.format(hour);
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
        saveBlob(hourName(hour), aggregate, HOUR_TTL);
    }

    @Override
    public Optional<byte[]> hour(Instant hour) {
        return blob(hourName(hour));
    }

    @Override
    public int saveLists(Collection<RankedList> lists) {
        Instant now = clock.instant();
        Fingerprints previous = blob(FINGERPRINTS).map(Fingerprints::decode).orElseGet(Fingerprints::new);
        Fingerprints current = new Fingerprints();
        List<Map<String, AttributeValue>> changed = new ArrayList<>();
        for (RankedList list : lists) {
            String pk = key(list);
            List<AttributeValue> summaries = list.items().stream()
                    .map(s -> AttributeValue.fromM(DynamoContentRepository.summaryAttributes(s))).toList();
            long fingerprint = Fingerprints.of(summaries);
            Duration ttl = list.kind() == RankedList.Kind.RELATED ? LIST_TTL : TRENDING_TTL;
            // Unchanged lists are rewritten only once half their TTL has passed, so they never expire while built.
            Optional<Instant> unchangedSince = previous.writtenAt(pk, fingerprint)
                    .filter(at -> at.isAfter(now.minus(ttl.dividedBy(2))));
            if (unchangedSince.isPresent()) {
                current.put(pk, fingerprint, unchangedSince.get());
                continue;
            }
            changed.add(Map.of("pk", Attr.s(pk), "items", AttributeValue.fromL(summaries),
                    "builtAt", Attr.s(now.toString()), "expiresAt", Attr.n(now.plus(ttl).getEpochSecond())));
            current.put(pk, fingerprint, now);
        }
        writeAll(changed);
        saveBlob(FINGERPRINTS, current.encode(), LIST_TTL);
        return changed.size();
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

    /** Bytes of any size as items {@code <name>#<part>} below the item size limit; part 0 holds the count. */
    private void saveBlob(String name, byte[] bytes, Duration ttl) {
        int parts = Math.max(1, (bytes.length + MAX_PART_BYTES - 1) / MAX_PART_BYTES);
        AttributeValue expiresAt = Attr.n(clock.instant().plus(ttl).getEpochSecond());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            int from = part * MAX_PART_BYTES;
            int to = Math.min(bytes.length, from + MAX_PART_BYTES);
            items.add(Map.of("pk", Attr.s(name + "#" + part), "parts", Attr.n(parts),
                    "data", AttributeValue.fromB(SdkBytes.fromByteArray(Arrays.copyOfRange(bytes, from, to))),
                    "expiresAt", expiresAt));
        }
        writeAll(items);
    }

    private Optional<byte[]> blob(String name) {
        Optional<Map<String, AttributeValue>> first = get(name + "#0");
        if (first.isEmpty()) {
            return Optional.empty();
        }
        long parts = Attr.number(first.get(), "parts", 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(first.get().get("data").b().asByteArrayUnsafe());
        for (int part = 1; part < parts; part++) {
            Optional<Map<String, AttributeValue>> item = get(name + "#" + part);
            if (item.isEmpty()) {
                return Optional.empty();
            }
            bytes.writeBytes(item.get().get("data").b().asByteArrayUnsafe());
        }
        return Optional.of(bytes.toByteArray());
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
            Batches.writeAll(dynamo, Map.of(table, writes));
        }
    }
}
