package id.warta.mailer;

import id.warta.dynamo.DynamoOutboxQueue;
import id.warta.dynamo.DynamoSuppressionList;
import id.warta.logging.EventLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ses.SesClient;

import java.time.Clock;

/**
 * The mailer's object graph, built once per container: the outbox and the suppression list of the
 * AccountsTable, SES and the templates.
 */
final class MailerWiring {
    private MailerWiring() {
    }

    static OutboxDelivery wire(MailerConfig config, DynamoDbClient dynamo, SesClient ses, Clock clock, EventLog log) {
        return new OutboxDelivery(new DynamoOutboxQueue(dynamo, config.accountsTable()),
                new SesMailSender(ses, config.senderEmail(), config.configurationSet()),
                new DynamoSuppressionList(dynamo, config.accountsTable()),
                new MailTemplates(config.siteUrl(), config.freeArticles()), OutboxDelivery.RetryPolicy.PRODUCTION, log, clock);
    }
}
