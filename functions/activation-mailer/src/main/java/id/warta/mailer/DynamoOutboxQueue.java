package id.warta.mailer;

import id.warta.dynamo.Attr;
import id.warta.dynamo.DynamoMailOutbox;
import id.warta.mail.MailKind;
import id.warta.mail.MailLanguage;
import id.warta.mail.OutboxMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox items of {@link DynamoMailOutbox}, from the mailer's side. Besides the writer's
 * attributes it uses {@code leaseUntil} (a claim), {@code delivery} (SENT or FAILED, once out of the
 * pending index), {@code sentAt} and {@code failedAt}.
 * <p>
 * The raw token has to be in the outbox item until the email is sent: it is what the link carries,
 * and only its hash is on the account. It is therefore removed, together with the recipient and the
 * name, in the very write that records the item as sent (or failed), so that from then on no copy of
 * a usable link exists anywhere in the table. While an item is pending, the token is protected like
 * the rest of the table (IAM, encryption at rest) and expires with its link.
 */
public final class DynamoOutboxQueue implements OutboxQueue {
    private static final String FORGET_MESSAGE = " REMOVE outboxState, recipient, #name, #token, leaseUntil";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOutboxQueue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<String> due(Instant now, int limit) {
        return dynamo.query(b -> b.tableName(table)
                        .indexName(DynamoMailOutbox.PENDING_INDEX)
                        .keyConditionExpression("outboxState = :pending AND dueAt <= :now")
                        .expressionAttributeValues(Map.of(":pending", Attr.s(DynamoMailOutbox.PENDING),
                                ":now", Attr.s(DynamoMailOutbox.sortable(now))))
                        .limit(limit))
                .items().stream()
                .map(item -> Attr.string(item, "pk").substring(DynamoMailOutbox.KEY_PREFIX.length()))
                .toList();
    }

    @Override
    public Optional<Claimed> claim(String id, Instant now, Instant leaseUntil) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table)
                    .key(DynamoMailOutbox.key(id))
                    .conditionExpression("outboxState = :pending AND dueAt <= :now"
                            + " AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)")
                    .updateExpression("SET leaseUntil = :lease ADD attempts :one")
                    .expressionAttributeValues(Map.of(
                            ":pending", Attr.s(DynamoMailOutbox.PENDING),
                            ":now", Attr.s(DynamoMailOutbox.sortable(now)),
                            ":lease", Attr.s(DynamoMailOutbox.sortable(leaseUntil)),
                            ":one", Attr.n(1)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            OutboxMessage message = new OutboxMessage(
                    MailKind.valueOf(Attr.string(item, DynamoMailOutbox.KIND)),
                    MailLanguage.fromTag(Attr.string(item, DynamoMailOutbox.LANGUAGE)),
                    Attr.string(item, DynamoMailOutbox.RECIPIENT),
                    Attr.string(item, DynamoMailOutbox.NAME),
                    Attr.string(item, DynamoMailOutbox.TOKEN));
            return Optional.of(new Claimed(id, message, (int) Attr.number(item, DynamoMailOutbox.ATTEMPTS, 1)));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void sent(String id, Instant now) {
        finish(id, "SENT", "sentAt", now);
    }

    @Override
    public void failed(String id, Instant now) {
        finish(id, "FAILED", "failedAt", now);
    }

    private void finish(String id, String delivery, String timeAttribute, Instant now) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(DynamoMailOutbox.key(id))
                .updateExpression("SET delivery = :delivery, " + timeAttribute + " = :now" + FORGET_MESSAGE)
                .expressionAttributeNames(Map.of("#name", DynamoMailOutbox.NAME, "#token", DynamoMailOutbox.TOKEN))
                .expressionAttributeValues(Map.of(":delivery", Attr.s(delivery), ":now", Attr.s(now.toString()))));
    }

    @Override
    public void retryAt(String id, Instant dueAt) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(DynamoMailOutbox.key(id))
                .updateExpression("SET dueAt = :due REMOVE leaseUntil")
                .expressionAttributeValues(Map.of(":due", Attr.s(DynamoMailOutbox.sortable(dueAt)))));
    }
}
