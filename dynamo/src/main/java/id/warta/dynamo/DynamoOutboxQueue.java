package id.warta.dynamo;

import id.warta.mail.OutboxQueue;
import id.warta.mail.DeliveryOutcome;
import id.warta.dynamo.Attr;
import id.warta.dynamo.DynamoMailOutbox;
import id.warta.mail.MailKind;
import id.warta.mail.MailLanguage;
import id.warta.mail.OutboxMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The outbox items of {@link DynamoMailOutbox}, from the mailer's side. Besides the writer's
 * attributes it uses {@code leaseUntil} and {@code claimId} (a claim), {@code attempts} (sends
 * started, added by each claim), {@code refused} (sends certainly not sent), {@code lastError},
 * and once the item is out of the pending index {@code delivery} (SENT, or the {@link DeliveryOutcome}
 * it was given up with), {@code sentAt} and {@code messageId}, or {@code givenUpAt}. The sends that
 * may have gone out unrecorded are {@code attempts - refused} before a claim: no answer from SES, or
 * a run that ended between its claim and its record; the counts are written in the same conditional
 * writes as the claims and records, so no run's end can lose them.
 * <p>
 * Every write here is retry-safe. A claim writes a fresh {@code claimId}; when the SDK retries a claim
 * whose answer was lost, the retry fails its condition and finds that id in place (returned with the
 * failure, or read back where the database does not return it), so the run knows the claim is its
 * own. The records of a claim are conditional on its {@code claimId} and remove it, so a retried record
 * fails its condition and changes nothing, and neither does the record of a run that lost its claim.
 * Recording a send is unconditional and idempotent: it is the truth whoever holds the item.
 * <p>
 * The raw token has to be in the outbox item until the email is sent: it is what the link carries,
 * and only its hash is on the account. It is therefore removed, together with the recipient and the
 * name, in the very write that records the item as sent (or given up), so that from then on no copy of
 * a usable link exists anywhere in the table. While an item is pending, the token is protected like
 * the rest of the table (IAM, encryption at rest) and expires with its link.
 */
public final class DynamoOutboxQueue implements OutboxQueue {
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String CLAIM_ID = "claimId";
    private static final String REFUSED = "refused";
    private static final String FORGET_MESSAGE = " REMOVE outboxState, recipient, #name, #token, leaseUntil, claimId";
    private static final Map<String, String> MESSAGE_NAMES =
            Map.of("#name", DynamoMailOutbox.NAME, "#token", DynamoMailOutbox.TOKEN);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOutboxQueue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<String> due(Instant now, int limit) {
        return dueItems(now, limit).stream()
                .map(item -> Attr.string(item, "pk").substring(AccountsTable.OUTBOX_PREFIX.length()))
                .toList();
    }

    @Override
    public Optional<Instant> oldestDue(Instant now) {
        return dueItems(now, 1).stream()
                .map(item -> DynamoMailOutbox.parseSortable(Attr.string(item, DynamoMailOutbox.DUE_AT)))
                .findFirst();
    }

    /** The index's range key is {@code dueAt}: the items come most overdue first. */
    private List<Map<String, AttributeValue>> dueItems(Instant now, int limit) {
        return dynamo.query(b -> b.tableName(table)
                        .indexName(DynamoMailOutbox.PENDING_INDEX)
                        .keyConditionExpression("outboxState = :pending AND dueAt <= :now")
                        .expressionAttributeValues(Map.of(":pending", Attr.s(DynamoMailOutbox.PENDING),
                                ":now", Attr.s(DynamoMailOutbox.sortable(now))))
                        .limit(limit))
                .items();
    }

    @Override
    public Optional<Claimed> claim(String id, Instant now, Instant leaseUntil) {
        String claimId = UUID.randomUUID().toString();
        Map<String, AttributeValue> item;
        try {
            item = dynamo.updateItem(b -> b.tableName(table)
                    .key(AccountsTable.outboxKey(id))
                    .conditionExpression("outboxState = :pending AND dueAt <= :now"
                            + " AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)")
                    .updateExpression("SET leaseUntil = :lease, claimId = :claim ADD attempts :one")
                    .expressionAttributeValues(Map.of(
                            ":pending", Attr.s(DynamoMailOutbox.PENDING),
                            ":now", Attr.s(DynamoMailOutbox.sortable(now)),
                            ":lease", Attr.s(DynamoMailOutbox.sortable(leaseUntil)),
                            ":claim", Attr.s(claimId),
                            ":one", Attr.n(1)))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> current = e.hasItem() ? e.item() : dynamo.getItem(b -> b.tableName(table)
                    .key(AccountsTable.outboxKey(id)).consistentRead(true)).item();
            if (current == null || !claimId.equals(Attr.string(current, CLAIM_ID))) {
                return Optional.empty();
            }
            item = current;
        }
        OutboxMessage message = new OutboxMessage(
                MailKind.valueOf(Attr.string(item, DynamoMailOutbox.KIND)),
                MailLanguage.fromTag(Attr.string(item, DynamoMailOutbox.LANGUAGE)),
                Attr.string(item, DynamoMailOutbox.RECIPIENT),
                Attr.string(item, DynamoMailOutbox.NAME),
                Attr.string(item, DynamoMailOutbox.TOKEN));
        int attempts = (int) Attr.number(item, DynamoMailOutbox.ATTEMPTS, 1);
        int refused = (int) Attr.number(item, REFUSED, 0);
        return Optional.of(new Claimed(id, claimId, message, attempts, attempts - 1 - refused));
    }

    @Override
    public void sent(String id, String messageId, Instant now) {
        update(b -> b.key(AccountsTable.outboxKey(id))
                .conditionExpression("attribute_exists(pk)")
                .updateExpression("SET delivery = :sent, sentAt = if_not_exists(sentAt, :now), messageId = :messageId"
                        + FORGET_MESSAGE)
                .expressionAttributeNames(MESSAGE_NAMES)
                .expressionAttributeValues(Map.of(":sent", Attr.s(DeliveryOutcome.SENT.name()),
                        ":now", Attr.s(now.toString()), ":messageId", Attr.s(messageId))));
    }

    @Override
    public void refused(Claimed item, Instant dueAt, String reason) {
        pendingAgain(item, dueAt, reason, " ADD " + REFUSED + " :one");
    }

    @Override
    public void unanswered(Claimed item, Instant dueAt, String reason) {
        pendingAgain(item, dueAt, reason, "");
    }

    private void pendingAgain(Claimed item, Instant dueAt, String reason, String count) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":claim", Attr.s(item.claimId()),
                ":due", Attr.s(DynamoMailOutbox.sortable(dueAt)), ":reason", Attr.s(reason)));
        if (!count.isEmpty()) {
            values.put(":one", Attr.n(1));
        }
        update(b -> b.key(AccountsTable.outboxKey(item.id()))
                .conditionExpression("claimId = :claim")
                .updateExpression("SET dueAt = :due, lastError = :reason" + count + " REMOVE leaseUntil, claimId")
                .expressionAttributeValues(values));
    }

    @Override
    public void givenUp(Claimed item, DeliveryOutcome outcome, String reason, Instant now) {
        update(b -> b.key(AccountsTable.outboxKey(item.id()))
                .conditionExpression("claimId = :claim")
                .updateExpression("SET delivery = :outcome, givenUpAt = :now, lastError = :reason" + FORGET_MESSAGE)
                .expressionAttributeNames(MESSAGE_NAMES)
                .expressionAttributeValues(Map.of(":claim", Attr.s(item.claimId()), ":outcome", Attr.s(outcome.name()),
                        ":now", Attr.s(now.toString()), ":reason", Attr.s(reason))));
    }

    /** A conditional record whose condition fails was written before (a retry), or is no longer ours: nothing to do. */
    private void update(Consumer<UpdateItemRequest.Builder> request) {
        try {
            dynamo.updateItem(b -> request.accept(b.tableName(table)));
        } catch (ConditionalCheckFailedException alreadyRecordedOrNotOurs) {
            // See above.
        }
    }
}
