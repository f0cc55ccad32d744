package id.warta.dynamo;

import id.warta.content.ArticleSummary;
import id.warta.recommendations.RankedList;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The item layout of the RecommendationsTable (partition key {@code pk} only; TTL {@code expiresAt}),
 * in one place for every function that touches it (the builder writes everything and holds the lease;
 * articles reads the lists): each item type's key, attribute names and item codec. Its adapters are
 * {@link DynamoRecommendations} and {@link DynamoBuilderLease}.
 * <ul>
 *   <li>list: {@code RECS#<slug>} (the article's related articles, best first) or {@code TRENDING#all},
 *       {@code TRENDING#<section>} (most viewed in the last 24 hours), with {@code items} (the article
 *       summaries themselves), {@code builtAt} and {@code expiresAt};</li>
 *   <li>blob part: {@code <name>#<part>}, with {@code data} (bytes), {@code parts} (on every part; read
 *       from part 0) and {@code expiresAt}; the blobs are {@code HOUR#<yyyyMMddHH UTC>} (the gzip'd
 *       aggregate of one completed hour of views) and {@code FINGERPRINTS} (a hash of every list as last
 *       written, so that a rebuild writes only the lists that changed);</li>
 *   <li>checkpoint: {@code CHECKPOINT}, with {@code hour} (ISO instant): the last hour aggregated;</li>
 *   <li>lease: {@code BUILDER_LEASE}, with {@code heldBy} (the run id), {@code takenAt} (ISO instant) and
 *       {@code expiresAt} (epoch seconds, rounded up).</li>
 * </ul>
 */
public final class RecommendationsTable {
    static final String PARTITION_KEY = "pk";
    /** Epoch seconds; the table's TTL attribute. */
    public static final String EXPIRES_AT = "expiresAt";
    public static final String HELD_BY = "heldBy";
    static final String TAKEN_AT = "takenAt";
    static final String CHECKPOINT = "CHECKPOINT";
    static final String FINGERPRINTS = "FINGERPRINTS";
    private static final String ITEMS = "items";
    private static final String BUILT_AT = "builtAt";
    private static final String PARTS = "parts";
    private static final String DATA = "data";
    private static final String HOUR = "hour";
    private static final String LEASE = "BUILDER_LEASE";
    private static final DateTimeFormatter HOUR_NAME = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private RecommendationsTable() {
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of(PARTITION_KEY, Attr.s(pk));
    }

    /** The builder's lease item's key. */
    public static Map<String, AttributeValue> leaseKey() {
        return key(LEASE);
    }

    static String listKey(RankedList list) {
        return (list.kind() == RankedList.Kind.RELATED ? "RECS#" : "TRENDING#") + list.subject();
    }

    /** The blob name of one UTC hour's aggregate. */
    static String hourBlob(Instant hour) {
        return "HOUR#" + HOUR_NAME.format(hour);
    }

    static String blobPartKey(String blob, int part) {
        return blob + "#" + part;
    }

    static Map<String, AttributeValue> listItem(String pk, List<AttributeValue> summaries, Instant builtAt,
                                                Instant expiresAt) {
        return Map.of(PARTITION_KEY, Attr.s(pk), ITEMS, AttributeValue.fromL(summaries),
                BUILT_AT, Attr.s(builtAt.toString()), EXPIRES_AT, Attr.n(expiresAt.getEpochSecond()));
    }

    /** The list's summaries; empty once past its TTL, even before DynamoDB's TTL sweep removes it. */
    static Optional<List<ArticleSummary>> summaries(Map<String, AttributeValue> listItem, Instant now) {
        if (Attr.number(listItem, EXPIRES_AT, Long.MAX_VALUE) <= now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(listItem.get(ITEMS).l().stream().map(v -> ContentTable.toSummary(v.m())).toList());
    }

    static Map<String, AttributeValue> blobPartItem(String blob, int part, int parts, byte[] data, Instant expiresAt) {
        return Map.of(PARTITION_KEY, Attr.s(blobPartKey(blob, part)), PARTS, Attr.n(parts),
                DATA, AttributeValue.fromB(SdkBytes.fromByteArray(data)), EXPIRES_AT, Attr.n(expiresAt.getEpochSecond()));
    }

    static long parts(Map<String, AttributeValue> blobPart) {
        return Attr.number(blobPart, PARTS, 1);
    }

    static byte[] data(Map<String, AttributeValue> blobPart) {
        return blobPart.get(DATA).b().asByteArrayUnsafe();
    }

    static Map<String, AttributeValue> checkpointItem(Instant hour) {
        return Map.of(PARTITION_KEY, Attr.s(CHECKPOINT), HOUR, Attr.s(hour.toString()));
    }

    static Instant checkpointHour(Map<String, AttributeValue> checkpoint) {
        return Instant.parse(Attr.string(checkpoint, HOUR));
    }

    /** @param expiresAt rounded up to the second, so the lease never ends before it was meant to */
    static Map<String, AttributeValue> leaseItem(String runId, Instant takenAt, Instant expiresAt) {
        return Map.of(PARTITION_KEY, Attr.s(LEASE), HELD_BY, Attr.s(runId), TAKEN_AT, Attr.s(takenAt.toString()),
                EXPIRES_AT, Attr.n(Math.ceilDiv(expiresAt.toEpochMilli(), 1000)));
    }
}
