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
     * One item, and the SDK's view of a lost answer: with {@code answerLost}, a write lands and then
     * its (retried) request meets the landed write and fails its condition. Like DynamoDB, the
     * failure carries the old image when {@code returnsOldImage}; like dynalite, it does not otherwise.
     */
    private static final class OneItemTable implements DynamoDbClient {
        private final boolean returnsOldImage;
        private boolean answerLost;
        private Map<String, AttributeValue> item;
        private final List<Object> requests = new ArrayList<>();

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

        private <T> T landed(T response) {
            if (answerLost) {
                answerLost = false;
                throw conditionFailed();
            }
            return response;
        }

        private ConditionalCheckFailedException conditionFailed() {
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
}
