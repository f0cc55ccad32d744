package id.warta.dynamo;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One conditional write that stays right when the SDK retries it. The SDK resends a request whose
 * response was lost (a timeout, a dropped connection) although the first attempt may have landed,
 * and the resent one then fails its condition against its own result. So the write carries a
 * fresh id in the item's {@value #ATTRIBUTE} attribute, every attempt the same one; when the
 * condition fails, the item as it stood then (ReturnValuesOnConditionCheckFailure ALL_OLD, or a
 * consistent read where the service does not return it, as dynalite does not) tells whether it
 * carries this id: then an earlier attempt of this very write succeeded, and so did the write.
 */
public final class ConditionalWrite {
    /** The id of the last conditional write that changed the item. */
    public static final String ATTRIBUTE = "writeId";
    /** The value placeholder an update expression uses to set {@value #ATTRIBUTE}. */
    public static final String VALUE = ":writeId";

    private final AttributeValue id;

    ConditionalWrite(String id) {
        this.id = Attr.s(id);
    }

    /** A new write, with an id of its own. */
    public static ConditionalWrite start() {
        return new ConditionalWrite(UUID.randomUUID().toString());
    }

    /**
     * Puts the item (with this write's id added) if its condition holds.
     *
     * @param key the item's primary key, to read it back where the service does not return it
     * @return whether the item is this write's: put now, or by an earlier attempt whose answer was lost
     */
    public boolean put(DynamoDbClient dynamo, PutItemRequest request, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = new HashMap<>(request.item());
        item.put(ATTRIBUTE, id);
        return applied(dynamo, request.tableName(), key, () -> dynamo.putItem(request.toBuilder().item(item)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()));
    }

    /**
     * Runs the update if its condition holds. Its update expression must set {@value #ATTRIBUTE} to
     * {@value #VALUE}, which this supplies.
     *
     * @return whether the update applied: now, or in an earlier attempt whose answer was lost
     */
    public boolean update(DynamoDbClient dynamo, UpdateItemRequest request) {
        if (!request.updateExpression().contains(ATTRIBUTE + " = " + VALUE)) {
            throw new IllegalArgumentException("The update must SET " + ATTRIBUTE + " = " + VALUE);
        }
        Map<String, AttributeValue> values = new HashMap<>(request.expressionAttributeValues());
        values.put(VALUE, id);
        return applied(dynamo, request.tableName(), request.key(), () -> dynamo.updateItem(request.toBuilder()
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()));
    }

    /**
     * Runs the write; when its condition fails, whether the item as it stood then carries this
     * write's id: from the exception if the service sent the old item, else read back consistently.
     */
    private boolean applied(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key, Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> item = e.hasItem() ? e.item()
                    : dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            return item != null && id.equals(item.get(ATTRIBUTE));
        }
    }
}
