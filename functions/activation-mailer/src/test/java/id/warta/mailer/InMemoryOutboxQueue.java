package id.warta.mailer;

import id.warta.mail.OutboxQueue;
import id.warta.mail.DeliveryOutcome;
import id.warta.mail.OutboxMessage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The outbox's claims and records in memory, with the same conditions as the DynamoDB one; writes can be made to fail. */
final class InMemoryOutboxQueue implements OutboxQueue {
    static final class Item {
        OutboxMessage message;
        /** Null while pending; SENT or the outcome it was given up with. */
        DeliveryOutcome delivery;
        Instant dueAt;
        Instant leaseUntil;
        String claimId;
        int attempts;
        int refused;
        String messageId;
        String lastError;

        Item(OutboxMessage message, Instant dueAt) {
            this.message = message;
            this.dueAt = dueAt;
        }
    }

    final Map<String, Item> items = new LinkedHashMap<>();
    /** The next this many claims fail as if the database were unreachable. */
    int failingClaims;
    /** The next this many writes of a sent item fail (the send itself went through). */
    int failingSentRecords;
    /** The pending index cannot be read for the outbox age. */
    boolean oldestDueUnreadable;

    void add(String id, OutboxMessage message, Instant dueAt) {
        items.put(id, new Item(message, dueAt));
    }

    Item item(String id) {
        return items.get(id);
    }

    /** What a claim's end does to an item: a lease that ran out. */
    void leaseEnds(String id) {
        items.get(id).leaseUntil = Instant.MIN;
    }

    @Override
    public synchronized List<String> due(Instant now, int limit) {
        return items.entrySet().stream()
                .filter(e -> e.getValue().delivery == null && !e.getValue().dueAt.isAfter(now))
                .map(Map.Entry::getKey).limit(limit).toList();
    }

    @Override
    public synchronized Optional<Instant> oldestDue(Instant now) {
        if (oldestDueUnreadable) {
            throw new IllegalStateException("outbox unreachable");
        }
        return items.values().stream()
                .filter(item -> item.delivery == null && !item.dueAt.isAfter(now))
                .map(item -> item.dueAt).min(Instant::compareTo);
    }

    @Override
    public synchronized Optional<Claimed> claim(String id, Instant now, Instant leaseUntil) {
        if (failingClaims > 0) {
            failingClaims--;
            throw new IllegalStateException("outbox unreachable");
        }
        Item item = items.get(id);
        if (item == null || item.delivery != null || item.dueAt.isAfter(now)
                || (item.leaseUntil != null && !item.leaseUntil.isBefore(now))) {
            return Optional.empty();
        }
        item.leaseUntil = leaseUntil;
        item.claimId = UUID.randomUUID().toString();
        item.attempts++;
        return Optional.of(new Claimed(id, item.claimId, item.message, item.attempts, item.attempts - 1 - item.refused));
    }

    @Override
    public synchronized void sent(String id, String messageId, Instant now) {
        if (failingSentRecords > 0) {
            failingSentRecords--;
            throw new IllegalStateException("write failed");
        }
        Item item = items.get(id);
        item.messageId = messageId;
        forget(item, DeliveryOutcome.SENT);
    }

    @Override
    public synchronized void refused(Claimed claimed, Instant dueAt, String reason) {
        Item item = ours(claimed);
        if (item != null) {
            item.refused++;
            pendingAgain(item, dueAt, reason);
        }
    }

    @Override
    public synchronized void unanswered(Claimed claimed, Instant dueAt, String reason) {
        Item item = ours(claimed);
        if (item != null) {
            pendingAgain(item, dueAt, reason);
        }
    }

    @Override
    public synchronized void givenUp(Claimed claimed, DeliveryOutcome outcome, String reason, Instant now) {
        Item item = ours(claimed);
        if (item != null) {
            item.lastError = reason;
            forget(item, outcome);
        }
    }

    private Item ours(Claimed claimed) {
        Item item = items.get(claimed.id());
        return claimed.claimId().equals(item.claimId) ? item : null;
    }

    private static void pendingAgain(Item item, Instant dueAt, String reason) {
        item.dueAt = dueAt;
        item.lastError = reason;
        item.leaseUntil = null;
        item.claimId = null;
    }

    private static void forget(Item item, DeliveryOutcome delivery) {
        item.delivery = delivery;
        item.leaseUntil = null;
        item.claimId = null;
        item.message = new OutboxMessage(item.message.kind(), item.message.language(), null, null, null);
    }
}
