package id.warta.dynamo;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * "The first to write this key wins", in one conditional PutItem, retry-safe. The SDK retries a put
 * whose response was lost; that retry fails its condition against the item its own first attempt
 * wrote, which must not be taken for someone else's. So every claim carries an attempt id of its
 * own (the SDK resends the same request, with the same id), and a failed condition compares the
 * stored id: the old item comes with the error in AWS (ReturnValuesOnConditionCheckFailure ALL_OLD);
 * where an emulator leaves it out, a consistent read fetches it.
 */
public final class ItemClaims {
    /** The attribute every claimed item carries its attempt id in. */
    public static final String ATTEMPT = "attempt";

    private ItemClaims() {
    }

    /** A fresh attempt id: one per logical write, shared by the SDK's retries of it. */
    public static String newAttempt() {
        return UUID.randomUUID().toString();
    }

    /**
     * Writes {@code key} with {@code attributes} unless an item with that key exists.
     *
     * @return true when this attempt wrote the item (now or in an earlier try of the same request),
     * false when another writer had claimed the key
     */
    public static boolean claim(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key,
                                Map<String, AttributeValue> attributes, String attempt) {
        Map<String, AttributeValue> item = new HashMap<>(attributes);
        item.putAll(key);
        item.put(ATTEMPT, Attr.s(attempt));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException claimed) {
            Map<String, AttributeValue> existing = itemThatFailed(claimed, dynamo, table, key);
            return existing != null && attempt.equals(Attr.string(existing, ATTEMPT));
        }
    }

    /**
     * The item a conditional write failed on: from the error when the write asked for it
     * (ReturnValuesOnConditionCheckFailure ALL_OLD), else read consistently; null when there is none.
     */
    public static Map<String, AttributeValue> itemThatFailed(ConditionalCheckFailedException failure, DynamoDbClient dynamo,
                                                             String table, Map<String, AttributeValue> key) {
        return failure.hasItem() ? failure.item() : dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
    }
}
