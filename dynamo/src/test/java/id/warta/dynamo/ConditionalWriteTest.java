package id.warta.dynamo;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whether a conditional write that failed its condition had in fact succeeded in an attempt whose answer was lost. */
class ConditionalWriteTest {
    private static final Map<String, AttributeValue> KEY = Map.of("pk", Attr.s("EMAIL#sari@example.id"));

    /**
     * One item, and the SDK's view of a lost answer: with {@code answerLost}, a write lands, then
     * {@code meanwhile} runs (another writer, if any), and its (retried) request meets the landed
     * write and fails its condition. Like DynamoDB, the failure carries the old image when
     * {@code returnsOldImage}; like dynalite, it does not otherwise.
     */
    private static class OneItemTable implements DynamoDbClient {
        private final boolean returnsOldImage;
        private boolean answerLost;
        Runnable meanwhile = () -> { };
        Map<String, AttributeValue> item;
        final List<Object> requests = new ArrayList<>();

        OneItemTable(boolean returnsOldImage, boolean answerLost, Map<String, AttributeValue> item) {
            this.returnsOldImage = returnsOldImage;
            this.answerLost = answerLost;
            this.item = item;
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            requests.add(request);
            if (item != null) {
                throw conditionFailed();
            }
            item = request.item();
            return landed(PutItemResponse.builder().build());
        }

        /** The condition: the item is still "before"; the update makes it "after", with the write id. */
        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            requests.add(request);
            if (!"before".equals(Attr.string(item, "state"))) {
                throw conditionFailed();
            }
            item = new HashMap<>(item);
            item.put("state", Attr.s("after"));
            item.put(ConditionalWrite.ATTRIBUTE, request.expressionAttributeValues().get(ConditionalWrite.VALUE));
            return landed(UpdateItemResponse.builder().build());
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            requests.add(request);
            return GetItemResponse.builder().item(item).build();
        }

        <T> T landed(T response) {
            if (answerLost) {
                answerLost = false;
                meanwhile.run();
                throw conditionFailed();
            }
            return response;
        }

        ConditionalCheckFailedException conditionFailed() {
            return (ConditionalCheckFailedException) ConditionalCheckFailedException.builder()
                    .message("The conditional request failed")
                    .item(returnsOldImage ? item : null)
                    .build();
        }

        List<GetItemRequest> reads() {
            return requests.stream().filter(GetItemRequest.class::isInstance).map(GetItemRequest.class::cast).toList();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    /**
     * One counter with a ceiling, as {@link ConditionalWrite#updateOnce} keeps it: an update adds 1
     * to {@code n} and its write id to the ids while {@code n} is below the ceiling and the ids do
     * not hold its id.
     */
    private static final class CounterItem extends OneItemTable {
        private final int ceiling;

        CounterItem(int ceiling, boolean returnsOldImage, boolean answerLost) {
            super(returnsOldImage, answerLost, Map.of());
            this.ceiling = ceiling;
        }

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            requests.add(request);
            List<String> counted = new ArrayList<>(Attr.stringList(item, ConditionalWrite.ALL_ATTRIBUTE));
            String writeId = request.expressionAttributeValues().get(ConditionalWrite.VALUE).s();
            if (counted.size() >= ceiling || counted.contains(writeId)) {
                throw conditionFailed();
            }
            counted.add(writeId);
            item = Map.of("n", Attr.n(counted.size()), ConditionalWrite.ALL_ATTRIBUTE, AttributeValue.fromSs(counted));
            return landed(UpdateItemResponse.builder().build());
        }

        int count() {
            return Integer.parseInt(item.get("n").n());
        }

        UpdateItemRequest firstUpdate() {
            return (UpdateItemRequest) requests.getFirst();
        }
    }

    private static UpdateItemRequest countOne() {
        return UpdateItemRequest.builder().tableName("T").key(KEY).conditionExpression("attribute_not_exists(n) OR n < :ceiling")
                .updateExpression("ADD n :one, writeIds :writeIds")
                .expressionAttributeValues(Map.of(":ceiling", Attr.n(3), ":one", Attr.n(1)))
                .build();
    }

    private static PutItemRequest claim(String accountId) {
        Map<String, AttributeValue> item = new HashMap<>(KEY);
        item.put("accountId", Attr.s(accountId));
        return PutItemRequest.builder().tableName("T").item(item).conditionExpression("attribute_not_exists(pk)").build();
    }

    private static UpdateItemRequest useLink() {
        return UpdateItemRequest.builder().tableName("T").key(KEY).conditionExpression("state = :before")
                .updateExpression("SET state = :after, writeId = :writeId")
                .expressionAttributeValues(Map.of(":before", Attr.s("before"), ":after", Attr.s("after")))
                .build();
    }

    @Test
    void aPutWhoseAnswerWasLostRecognisesItsOwnItemFromTheOldImageThatDynamoDbReturns() {
        OneItemTable table = new OneItemTable(true, true, null);

        assertThat(ConditionalWrite.start().put(table, claim("a-1"), KEY)).isTrue();

        assertThat(table.reads()).isEmpty();
        assertThat(((PutItemRequest) table.requests.getFirst()).returnValuesOnConditionCheckFailure())
                .isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    @Test
    void aPutWhoseAnswerWasLostRecognisesItsOwnItemFromAConsistentReadWhereNoOldImageComes() {
        OneItemTable table = new OneItemTable(false, true, null);

        assertThat(ConditionalWrite.start().put(table, claim("a-1"), KEY)).isTrue();

        assertThat(table.reads()).singleElement().satisfies(read -> {
            assertThat(read.consistentRead()).isTrue();
            assertThat(read.key()).isEqualTo(KEY);
        });
    }

    @Test
    void aPutThatMeetsAnotherWritesItemIsNotApplied() {
        ConditionalWrite earlier = ConditionalWrite.start();
        OneItemTable table = new OneItemTable(true, false, null);
        assertThat(earlier.put(table, claim("a-1"), KEY)).isTrue();

        assertThat(ConditionalWrite.start().put(table, claim("a-2"), KEY)).isFalse();
        assertThat(Attr.string(table.item, "accountId")).isEqualTo("a-1");
    }

    @Test
    void aPutIfAbsentIsConditionalOnTheKeyBeingFree() {
        OneItemTable table = new OneItemTable(true, false, null);
        Map<String, AttributeValue> item = new HashMap<>(KEY);
        item.put("accountId", Attr.s("a-1"));

        assertThat(ConditionalWrite.start().putIfAbsent(table, "T", KEY, item)).isTrue();
        assertThat(ConditionalWrite.start().putIfAbsent(table, "T", KEY, item)).isFalse();

        assertThat(table.requests).allSatisfy(request ->
                assertThat(((PutItemRequest) request).conditionExpression()).isEqualTo("attribute_not_exists(pk)"));
    }

    @Test
    void aPutCarriesItsWriteIdInTheItem() {
        OneItemTable table = new OneItemTable(true, false, null);
        ConditionalWrite write = new ConditionalWrite("w-1");

        write.put(table, claim("a-1"), KEY);

        assertThat(Attr.string(table.item, ConditionalWrite.ATTRIBUTE)).isEqualTo("w-1");
        assertThat(Attr.string(table.item, "accountId")).isEqualTo("a-1");
    }

    @Test
    void anUpdateWhoseAnswerWasLostCountsAsApplied() {
        for (boolean returnsOldImage : List.of(true, false)) {
            OneItemTable table = new OneItemTable(returnsOldImage, true, Map.of("state", Attr.s("before")));

            assertThat(ConditionalWrite.start().update(table, useLink())).as("old image returned: " + returnsOldImage).isTrue();
            assertThat(Attr.string(table.item, "state")).isEqualTo("after");
        }
    }

    @Test
    void anUpdateWhoseConditionAnotherWriteFailedIsNotApplied() {
        OneItemTable table = new OneItemTable(true, false, Map.of("state", Attr.s("before")));
        assertThat(ConditionalWrite.start().update(table, useLink())).isTrue();

        assertThat(ConditionalWrite.start().update(table, useLink())).isFalse();
        assertThat(ConditionalWrite.start().update(new OneItemTable(false, false, Map.of()), useLink())).isFalse();
    }

    @Test
    void anUpdateThatWouldNotRecordItsWriteIdIsRefused() {
        UpdateItemRequest withoutId = useLink().toBuilder().updateExpression("SET state = :after").build();

        assertThatThrownBy(() -> ConditionalWrite.start().update(new OneItemTable(true, false, Map.of()), withoutId))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCountWhoseAnswerWasLostIsCountedOnceAndRecognised() {
        for (boolean returnsOldImage : List.of(true, false)) {
            CounterItem counter = new CounterItem(3, returnsOldImage, true);

            assertThat(ConditionalWrite.start().updateOnce(counter, countOne())).as("old image returned: " + returnsOldImage).isTrue();
            assertThat(counter.count()).isEqualTo(1);
        }
    }

    @Test
    void aCountWhoseAnswerWasLostIsRecognisedAfterAnotherWriterCountedToo() {
        CounterItem counter = new CounterItem(3, true, true);
        counter.meanwhile = () -> assertThat(ConditionalWrite.start().updateOnce(counter, countOne())).isTrue();

        assertThat(ConditionalWrite.start().updateOnce(counter, countOne())).isTrue();

        assertThat(counter.count()).as("each write counted once").isEqualTo(2);
    }

    @Test
    void aCountAtTheCeilingIsNotApplied() {
        CounterItem counter = new CounterItem(1, true, false);
        assertThat(ConditionalWrite.start().updateOnce(counter, countOne())).isTrue();

        assertThat(ConditionalWrite.start().updateOnce(counter, countOne())).isFalse();
        assertThat(counter.count()).isEqualTo(1);
    }

    @Test
    void aCountIsConditionalOnItsIdNotBeingCountedYet() {
        CounterItem counter = new CounterItem(3, true, false);

        new ConditionalWrite("w-1").updateOnce(counter, countOne());

        UpdateItemRequest sent = counter.firstUpdate();
        assertThat(sent.conditionExpression())
                .isEqualTo("(attribute_not_exists(n) OR n < :ceiling) AND NOT contains(writeIds, :writeId)");
        assertThat(sent.expressionAttributeValues().get(ConditionalWrite.ALL_VALUE).ss()).containsExactly("w-1");
        assertThat(sent.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    @Test
    void aCountThatWouldNotRecordItsWriteIdIsRefused() {
        UpdateItemRequest withoutId = countOne().toBuilder().updateExpression("ADD n :one").build();

        assertThatThrownBy(() -> ConditionalWrite.start().updateOnce(new CounterItem(3, true, false), withoutId))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
