package id.warta.mailer;

import id.warta.mail.OutboxMessage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox's claim and state transitions in memory. */
final class InMemoryOutboxQueue implements OutboxQueue {
    enum State { PENDING, SENT, FAILED }

    static final class Item {
        OutboxMessage message;
        State state = State.PENDING;
        Instant dueAt;
        Instant leaseUntil;
        int attempts;

        Item(OutboxMessage message, Instant dueAt) {
            this.message = message;
            this.dueAt = dueAt;
        }
    }

    final Map<String, Item> items = new LinkedHashMap<>();

    void add(String id, OutboxMessage message, Instant dueAt) {
        items.put(id, new Item(message, dueAt));
    }

    @Override
    public synchronized List<String> due(Instant now, int limit) {
        return items.entrySet().stream()
                .filter(e -> e.getValue().state == State.PENDING && !e.getValue().dueAt.isAfter(now))
                .map(Map.Entry::getKey).limit(limit).toList();
    }

    @Override
    public synchronized Optional<Claimed> claim(String id, Instant now, Instant leaseUntil) {
        Item item = items.get(id);
        if (item == null || item.state != State.PENDING || item.dueAt.isAfter(now)
                || (item.leaseUntil != null && !item.leaseUntil.isBefore(now))) {
            return Optional.empty();
        }
        item.leaseUntil = leaseUntil;
        item.attempts++;
        return Optional.of(new Claimed(id, item.message, item.attempts));
    }

    @Override
    public synchronized void sent(String id, Instant now) {
        forget(items.get(id), State.SENT);
    }

    @Override
    public synchronized void failed(String id, Instant now) {
        forget(items.get(id), State.FAILED);
    }

    private static void forget(Item item, State state) {
        item.state = state;
        item.leaseUntil = null;
        item.message = new OutboxMessage(item.message.kind(), item.message.language(), null, null, null);
    }

    @Override
    public synchronized void retryAt(String id, Instant dueAt) {
        Item item = items.get(id);
        item.dueAt = dueAt;
        item.leaseUntil = null;
    }
}
