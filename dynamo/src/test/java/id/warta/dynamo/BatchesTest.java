package id.warta.dynamo;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchesTest {
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("A"));
    private static final Map<String, List<WriteRequest>> WRITE = Map.of("T",
            List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(KEY).build()).build()));

    /** Leaves everything unprocessed for the first {@code throttled} calls, then takes it. */
    private static final class ThrottlingDynamo implements DynamoDbClient {
        private final int throttled;
        private final AtomicInteger calls = new AtomicInteger();

        ThrottlingDynamo(int throttled) {
            this.throttled = throttled;
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            boolean throttle = calls.incrementAndGet() <= throttled;
            return BatchWriteItemResponse.builder().unprocessedItems(throttle ? request.requestItems() : Map.of()).build();
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            boolean throttle = calls.incrementAndGet() <= throttled;
            return BatchGetItemResponse.builder()
                    .responses(throttle ? Map.of() : Map.of("T", List.of(KEY)))
                    .unprocessedKeys(throttle ? request.requestItems() : Map.of())
                    .build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void retriesWhatWasLeftUnprocessedUntilItIsDone() {
        ThrottlingDynamo dynamo = new ThrottlingDynamo(2);

        Batches.writeAll(dynamo, WRITE);

        assertThat(dynamo.calls.get()).isEqualTo(3);
    }

    @Test
    void readsEveryItemEvenWhenTheFirstAnswersLeaveKeysUnprocessed() {
        ThrottlingDynamo dynamo = new ThrottlingDynamo(1);

        Map<String, List<Map<String, AttributeValue>>> items =
                Batches.getAll(dynamo, Map.of("T", KeysAndAttributes.builder().keys(KEY).build()));

        assertThat(items.get("T")).containsExactly(KEY);
    }

    @Test
    void givesUpAfterABoundedNumberOfAttemptsWithTheFailureTheApiAnswersWith503() {
        ThrottlingDynamo dynamo = new ThrottlingDynamo(Integer.MAX_VALUE);

        assertThatThrownBy(() -> Batches.writeAll(dynamo, WRITE)).isInstanceOf(SdkClientException.class);
        assertThat(dynamo.calls.get()).isEqualTo(Batches.MAX_ATTEMPTS);
    }
}
