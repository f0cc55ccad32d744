package id.warta.dynamo;

import id.warta.paywall.MeterPeriod;
import id.warta.reader.ReaderKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The item layout of the ActivityTable, in one place for every function that touches it (views
 * claims views and unlocks; articles and accounts read meters; the builder reads views). Each item
 * type has its key here; its attributes live with its one adapter ({@link DynamoMeters},
 * {@link DynamoViewLog}, {@link DynamoViewCeiling}).
 * <ul>
 *   <li>meter: {@code pk = METER#<accountId>}, {@code sk = <period>} (the month in Asia/Jakarta);</li>
 *   <li>view: {@code pk = VIEWS#<UTC hour>#<shard>}, {@code sk = <reader>#<slug>}: one per reader, article
 *       and hour; writes for one hot article land on {@value #VIEW_SHARDS} partitions that change every hour;</li>
 *   <li>reading history: {@code pk = READ#<reader>}, {@code sk = <slug>}, one item per article;</li>
 *   <li>view ceiling: {@code pk = VIEWCAP#<network>}, {@code sk = VIEWCAP}: the view writes of one client
 *       address in one minute.</li>
 * </ul>
 */
public final class ActivityTable {
    public static final int VIEW_SHARDS = 16;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private ActivityTable() {
    }

    public static Map<String, AttributeValue> meterKey(String accountId, MeterPeriod period) {
        return Map.of("pk", Attr.s("METER#" + accountId), "sk", Attr.s(period.key()));
    }

    public static Map<String, AttributeValue> viewCeilingKey(String network) {
        return Map.of("pk", Attr.s("VIEWCAP#" + network), "sk", Attr.s("VIEWCAP"));
    }

    /** The partition key of the views of one UTC hour on one shard. */
    static String viewBucket(Instant at, int shard) {
        return "VIEWS#" + HOUR.format(at) + "#" + shard;
    }

    /** The partition key of one reader's history. */
    static String history(ReaderKey reader) {
        return "READ#" + reader.value();
    }
}
