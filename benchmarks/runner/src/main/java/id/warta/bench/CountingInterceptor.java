package id.warta.bench;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Registered for every SDK client in the benchmark JVM (global interceptor file): counts calls per
 * service and operation, and asks DynamoDB for the capacity each call consumed.
 */
public final class CountingInterceptor implements ExecutionInterceptor {
    private static final Map<String, AtomicLong> CALLS = new ConcurrentHashMap<>();
    private static final DoubleAdder READ_UNITS = new DoubleAdder();
    private static final DoubleAdder WRITE_UNITS = new DoubleAdder();
    private static final java.util.Set<String> WRITES = java.util.Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");

    static void reset() {
        CALLS.clear();
        READ_UNITS.reset();
        WRITE_UNITS.reset();
    }

    static Map<String, Long> calls() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        CALLS.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    static double readUnits() {
        return READ_UNITS.sum();
    }

    static double writeUnits() {
        return WRITE_UNITS.sum();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        return request instanceof DynamoDbRequest ? withCapacity(request) : request;
    }

    private static SdkRequest withCapacity(SdkRequest request) {
        return switch (request) {
            case software.amazon.awssdk.services.dynamodb.model.GetItemRequest g -> g.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case software.amazon.awssdk.services.dynamodb.model.QueryRequest q -> q.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case software.amazon.awssdk.services.dynamodb.model.PutItemRequest p -> p.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest u -> u.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest b -> b.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest w -> w.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest d -> d.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            default -> request;
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(service.toLowerCase(java.util.Locale.ROOT) + ":" + operation, k -> new AtomicLong())
                .incrementAndGet();
        DoubleAdder units = WRITES.contains(operation) ? WRITE_UNITS : READ_UNITS;
        context.response().getValueForField("ConsumedCapacity", Object.class).ifPresent(capacity -> {
            if (capacity instanceof ConsumedCapacity single) {
                add(units, single);
            } else if (capacity instanceof List<?> list) {
                list.stream().filter(ConsumedCapacity.class::isInstance)
                        .forEach(c -> add(units, (ConsumedCapacity) c));
            }
        });
    }

    private static void add(DoubleAdder units, ConsumedCapacity capacity) {
        if (capacity.capacityUnits() != null) {
            units.add(capacity.capacityUnits());
        }
    }
}
