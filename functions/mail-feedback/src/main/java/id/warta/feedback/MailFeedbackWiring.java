package id.warta.feedback;

import id.warta.dynamo.DynamoSuppressionList;
import id.warta.mail.FeedbackSuppression;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The feedback function's object graph, built once per container: the suppression list of the AccountsTable. */
final class MailFeedbackWiring {
    private MailFeedbackWiring() {
    }

    static FeedbackSuppression wire(MailFeedbackConfig config, DynamoDbClient dynamo, Clock clock) {
        return new FeedbackSuppression(new DynamoSuppressionList(dynamo, config.accountsTable()), clock);
    }
}
