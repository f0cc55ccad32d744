package id.warta.dynamo;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Batch calls to completion. DynamoDB answers a throttled batch with the keys or items it left
 * unprocessed; asking again at once would be throttled again, and asking forever would outlive the
 * function. So: a short exponential back-off, a bounded number of attempts, then the same failure a
 * throttled single call gives (which the API answers with 503 and Retry-After).
 */
final class Batches {
    static final int MAX_ATTEMPTS = 6;

    private Batches() {
    }

    /** Every item of every table asked for, whatever the batch left unprocessed on the way. */
    static Map<String, List<Map<String, AttributeValue>>> getAll(DynamoDbClient dynamo, Map<String, KeysAndAttributes> request) {
        Map<String, List<Map<String, AttributeValue>>> items = new HashMap<>();
        Map<String, KeysAndAttributes> pending = request;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            pause(attempt);
            BatchGetItemResponse response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
            response.responses().forEach((table, found) -> items.computeIfAbsent(table, t -> new ArrayList<>()).addAll(found));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return items;
    }

    /** The item a {@link #getAll} found in the table, for a batch that asked each table for one key. */
    static Optional<Map<String, AttributeValue>> first(Map<String, List<Map<String, AttributeValue>>> items, String table) {
        List<Map<String, AttributeValue>> found = items.getOrDefault(table, List.of());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    static void writeAll(DynamoDbClient dynamo, Map<String, List<WriteRequest>> requestItems) {
        Map<String, List<WriteRequest>> pending = requestItems;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            pause(attempt);
            BatchWriteItemResponse response = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    /** Nothing before the first attempt; 25, 50, 100, 200, 400 ms before the next ones; then give up. */
    private static void pause(int attempt) {
        if (attempt == 0) {
            return;
        }
        if (attempt >= MAX_ATTEMPTS) {
            throw SdkClientException.create("DynamoDB left part of a batch unprocessed after " + MAX_ATTEMPTS + " attempts");
        }
        try {
            Thread.sleep(25L << (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("Interrupted while retrying a batch", e);
        }
    }
}
