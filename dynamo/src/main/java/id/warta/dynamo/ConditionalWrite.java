package id.warta.dynamo;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One conditional write that stays right when the SDK retries it. The SDK resends a request whose
 * response was lost (a timeout, a dropped connection) although the first attempt may have landed,
 * and the resent one then fails its condition against its own result. So the write carries a
 * fresh id in the item's {@value #ATTRIBUTE} attribute, every attempt the same one; when the
 * condition fails, the item as it stood then (ReturnValuesOnConditionCheckFailure ALL_OLD, or a
 * consistent read where the service does not return it, as dynalite does not) tells whether it
 * carries this id: then an earlier attempt of this very write succeeded, and so did the write.
 *
 * <p>An update that adds up (a counter) on an item other writers change too needs more than the
 * last write's id, which another writer's update between two attempts would replace, and then the
 * retry would count again: {@link #updateOnce} keeps every such write's id in a set.
 */
public final class ConditionalWrite {
    /** The id of the last conditional write that changed the item. */
    public static final String ATTRIBUTE = "writeId";
    /** The value placeholder an update expression uses to set {@value #ATTRIBUTE}. */
    public static final String VALUE = ":writeId";
    /** The ids of every {@link #updateOnce} write that changed the item (a string set). */
    public static final String ALL_ATTRIBUTE = "writeIds";
    /** The value placeholder an update expression uses to add to {@value #ALL_ATTRIBUTE}. */
    public static final String ALL_VALUE = ":writeIds";

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
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()),
                stored -> id.equals(stored.get(ATTRIBUTE)));
    }

    /**
     * Puts the item (with this write's id added) unless an item with its key exists: "the first to
     * write this key wins".
     *
     * @param key  the item's primary key (its partition key is {@code pk}, as in every Warta table)
     * @param item the whole item, key included
     * @return whether the item is this write's: put now, or by an earlier attempt whose answer was lost
     */
    public boolean putIfAbsent(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key,
                               Map<String, AttributeValue> item) {
        return put(dynamo, PutItemRequest.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build(), key);
    }

    /**
     * Runs the update if its condition holds. Its update expression must set {@value #ATTRIBUTE} to
     * {@value #VALUE}, which this supplies.
     *
     * @return whether the update applied: now, or in an earlier attempt whose answer was lost
     */
    public boolean update(DynamoDbClient dynamo, UpdateItemRequest request) {
        requireInUpdate(request, "SET " + ATTRIBUTE + " = " + VALUE, ATTRIBUTE + " = " + VALUE);
        Map<String, AttributeValue> values = new HashMap<>(request.expressionAttributeValues());
        values.put(VALUE, id);
        return update(dynamo, request.toBuilder().expressionAttributeValues(values).build(),
                item -> id.equals(item.get(ATTRIBUTE)));
    }

    /**
     * Runs an update that adds up (a counter) if its condition holds, at most once however often the
     * SDK sends it. Its update expression must add {@value #ALL_VALUE} to {@value #ALL_ATTRIBUTE},
     * which this supplies (a set of this write's id); this also adds to the condition that the set
     * does not hold the id yet, so a retry of an update that landed fails its condition instead of
     * counting twice, and is recognised by its id in the set.
     *
     * @return whether the update applied: now, or in an earlier attempt whose answer was lost
     */
    public boolean updateOnce(DynamoDbClient dynamo, UpdateItemRequest request) {
        requireInUpdate(request, "ADD " + ALL_ATTRIBUTE + " " + ALL_VALUE, ALL_ATTRIBUTE + " " + ALL_VALUE);
        Map<String, AttributeValue> values = new HashMap<>(request.expressionAttributeValues());
        values.put(VALUE, id);
        values.put(ALL_VALUE, AttributeValue.fromSs(List.of(id.s())));
        return update(dynamo, request.toBuilder()
                        .conditionExpression("(" + request.conditionExpression() + ") AND NOT contains("
                                + ALL_ATTRIBUTE + ", " + VALUE + ")")
                        .expressionAttributeValues(values).build(),
                item -> Attr.stringList(item, ALL_ATTRIBUTE).contains(id.s()));
    }

    private static void requireInUpdate(UpdateItemRequest request, String what, String clause) {
        if (!request.updateExpression().contains(clause)) {
            throw new IllegalArgumentException("The update must " + what);
        }
    }

    private boolean update(DynamoDbClient dynamo, UpdateItemRequest request, Predicate<Map<String, AttributeValue>> ours) {
        return applied(dynamo, request.tableName(), request.key(), () -> dynamo.updateItem(request.toBuilder()
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()), ours);
    }

    /**
     * Runs the write; when its condition fails, whether the item as it stood then is {@code ours}
     * (carries this write's id): from the exception if the service sent the old item, else read
     * back consistently.
     */
    private boolean applied(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key, Runnable write,
                            Predicate<Map<String, AttributeValue>> ours) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> item = itemWhenRefused(dynamo, table, key, e);
            return item != null && ours.test(item);
        }
    }

    /**
     * The item as it stood when a write's condition failed (ALL_OLD): from the exception if the
     * service sent it, else read back consistently; null or empty when there is none.
     */
    public static Map<String, AttributeValue> itemWhenRefused(DynamoDbClient dynamo, String table,
                                                            Map<String, AttributeValue> key,
                                                            ConditionalCheckFailedException refusal) {
        return refusal.hasItem() ? refusal.item()
                : dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
    }
}
