package id.warta.dynamo;

import id.warta.mail.SuppressionList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Suppressed addresses in the AccountsTable (key: {@link AccountsTable#suppressionKey}), with
 * {@code reason} ({@link SuppressionList.Reason}), {@code feedbackId} and {@code suppressedAt}. No
 * expiry: a suppression lasts until an operator deletes the item (README: unsuppressing an address).
 * The write is one conditional {@code PutItem} ("the first suppression stays") through
 * {@link ConditionalWrite}, so a retry of a put whose answer was lost still reports it as this write's.
 */
public final class DynamoSuppressionList implements SuppressionList {
    static final String REASON = "reason";
    static final String FEEDBACK_ID = "feedbackId";
    static final String SUPPRESSED_AT = "suppressedAt";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSuppressionList(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean suppress(Suppression suppression) {
        Map<String, AttributeValue> key = AccountsTable.suppressionKey(suppression.address());
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(REASON, Attr.s(suppression.reason().name()));
        item.put(FEEDBACK_ID, Attr.s(suppression.feedbackId()));
        item.put(SUPPRESSED_AT, Attr.s(suppression.suppressedAt().toString()));
        return ConditionalWrite.start().putIfAbsent(dynamo, table, key, item);
    }

    @Override
    public Optional<Suppression> find(String address) {
        String normalised = SuppressionList.normalised(address);
        return fromItem(normalised, dynamo.getItem(b -> b.tableName(table)
                .key(AccountsTable.suppressionKey(normalised)).consistentRead(true)).item());
    }

    /**
     * The read of {@link #find} for a BatchGetItem beside other tables' items (its answer goes to
     * {@link #fromItem}): consistent, so that a suppression just written counts.
     */
    static KeysAndAttributes findRead(String address) {
        return KeysAndAttributes.builder()
                .keys(AccountsTable.suppressionKey(SuppressionList.normalised(address)))
                .consistentRead(true).build();
    }

    /** The suppression an item read by {@link #findRead} holds (null or empty: the address is not suppressed). */
    static Optional<Suppression> fromItem(String address, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Suppression(address, Reason.valueOf(Attr.string(item, REASON)),
                Attr.string(item, FEEDBACK_ID), Instant.parse(Attr.string(item, SUPPRESSED_AT))));
    }
}
