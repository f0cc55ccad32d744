package id.warta.dynamo;

import id.warta.mail.MailOutbox;
import id.warta.mail.OutboxMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The email outbox in the AccountsTable (key: {@link AccountsTable#outboxKey}), written here and
 * delivered through {@link DynamoOutboxQueue}, which shares these attribute names. A new item
 * is PENDING ({@code outboxState}, which puts it in the sparse PendingOutbox index, with
 * {@code dueAt}); the table's stream hands INSERTs to the mailer, and the mailer's sweep finds
 * whatever is still pending through the index. The mailer removes {@code outboxState} once the item
 * is sent or has failed for good, and with it the recipient and the raw token.
 */
public final class DynamoMailOutbox implements MailOutbox {
    public static final String PENDING_INDEX = "PendingOutbox";
    public static final String STATE = "outboxState";
    public static final String PENDING = "PENDING";
    public static final String DUE_AT = "dueAt";
    public static final String KIND = "kind";
    public static final String LANGUAGE = "language";
    public static final String RECIPIENT = "recipient";
    public static final String NAME = "name";
    public static final String TOKEN = "token";
    public static final String ATTEMPTS = "attempts";
    public static final String CREATED_AT = "createdAt";
    public static final String EXPIRES_AT = "expiresAt";
    /** Sent and failed items stay visible this long (operators look at failures), then TTL removes them. */
    public static final Duration RETENTION = Duration.ofDays(14);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoMailOutbox(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);

    /**
     * {@code dueAt} is the index's range key and is compared as a string, so it needs one fixed width:
     * Instant.toString drops zero fractions, and "...:24Z" would sort after "...:24.5Z".
     */
    public static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    public static Instant parseSortable(String sortable) {
        return SORTABLE.parse(sortable, Instant::from);
    }

    @Override
    public void enqueue(OutboxMessage message) {
        Instant now = clock.instant();
        Map<String, AttributeValue> key = AccountsTable.outboxKey(UUID.randomUUID().toString());
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(STATE, Attr.s(PENDING));
        item.put(DUE_AT, Attr.s(sortable(now)));
        item.put(KIND, Attr.s(message.kind().name()));
        item.put(LANGUAGE, Attr.s(message.language().tag()));
        item.put(RECIPIENT, Attr.s(message.recipient()));
        item.put(NAME, Attr.s(message.name()));
        if (message.token() != null) {
            item.put(TOKEN, Attr.s(message.token()));
        }
        item.put(ATTEMPTS, Attr.n(0));
        item.put(CREATED_AT, Attr.s(now.toString()));
        item.put(EXPIRES_AT, Attr.n(now.plus(RETENTION).getEpochSecond()));
        // The id is new, so the item can only exist already if an earlier attempt of this write put it
        // and its answer was lost (the SDK retried): that is success, not a failure to report.
        boolean queued = ConditionalWrite.start().putIfAbsent(dynamo, table, key, item);
        if (!queued) {
            throw new IllegalStateException("Outbox id collision");
        }
    }
}
