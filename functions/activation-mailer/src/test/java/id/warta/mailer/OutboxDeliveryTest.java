package id.warta.mailer;

import id.warta.http.RequestLog;
import id.warta.mail.MailKind;
import id.warta.mail.MailLanguage;
import id.warta.mail.OutboxMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery outcomes: sent once, retried with backoff, failed visibly; with a fake SES and clock. */
class OutboxDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");
    private static final String TOKEN = "1b4e28ba-2fa1-4d2b-883f-0016d3cca427.q0Zk3zO5bF1mPpY2Jc8xWn4vR7tHsLgDaE6uKiN9yTo";

    private final InMemoryOutboxQueue queue = new InMemoryOutboxQueue();
    private final List<String> delivered = new ArrayList<>();
    private final List<String> logLines = new ArrayList<>();
    private Instant now = NOW;
    private boolean sesDown;
    private boolean rejected;

    private final MailSender sender = (recipient, email) -> {
        if (rejected) {
            throw new MailSender.MailSendException("SES 400 MessageRejected", true);
        }
        if (sesDown) {
            throw new MailSender.MailSendException("SES unreachable", false);
        }
        delivered.add(recipient + " " + email.subject());
    };

    private final OutboxDelivery delivery = new OutboxDelivery(queue, sender, new MailTemplates("https://warta.example"),
            new OutboxDelivery.RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(1), 4, Duration.ofMinutes(2)),
            new RequestLog("activation-mailer", logLines::add), new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    private void enqueue(String id) {
        queue.add(id, new OutboxMessage(MailKind.ACTIVATION, MailLanguage.ID, id + "@example.id", "Sari", TOKEN), NOW);
    }

    @Test
    void aSweepSendsEveryDueItemOnceAndForgetsRecipientAndToken() {
        enqueue("a");
        enqueue("b");

        assertThat(delivery.sweep()).isEqualTo(new OutboxDelivery.Outcome(2, 0, 0, 0));
        assertThat(delivery.sweep()).isEqualTo(new OutboxDelivery.Outcome(0, 0, 0, 0));
        assertThat(delivery.deliver(List.of("a"))).isEqualTo(new OutboxDelivery.Outcome(0, 0, 0, 1));

        assertThat(delivered).containsExactly("a@example.id Aktifkan akun Warta Anda", "b@example.id Aktifkan akun Warta Anda");
        assertThat(queue.items.values()).allSatisfy(item -> {
            assertThat(item.state).isEqualTo(InMemoryOutboxQueue.State.SENT);
            assertThat(item.message.token()).isNull();
            assertThat(item.message.recipient()).isNull();
        });
    }

    @Test
    void anItemClaimedByAnotherRunIsSkipped() {
        enqueue("a");
        queue.claim("a", NOW, NOW.plus(Duration.ofMinutes(2)));

        assertThat(delivery.deliver(List.of("a"))).isEqualTo(new OutboxDelivery.Outcome(0, 0, 0, 1));
        assertThat(delivered).isEmpty();
    }

    @Test
    void whileSesIsDownItemsStayPendingWithExponentialBackoff() {
        enqueue("a");
        sesDown = true;

        assertThat(delivery.sweep().retrying()).isEqualTo(1);
        assertThat(queue.items.get("a").dueAt).isEqualTo(NOW.plusSeconds(5));
        assertThat(delivery.sweep().retrying()).as("not due yet").isZero();

        now = NOW.plusSeconds(5);
        delivery.sweep();
        assertThat(queue.items.get("a").dueAt).isEqualTo(now.plusSeconds(10));

        sesDown = false;
        now = now.plusSeconds(10);
        assertThat(delivery.sweep().sent()).isEqualTo(1);
        assertThat(delivered).hasSize(1);
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("OUTBOX_RETRY"));
    }

    @Test
    void afterTheLastAttemptTheItemIsMarkedFailedAndLoggedWithoutTheAddress() {
        enqueue("a");
        sesDown = true;
        for (int attempt = 0; attempt < 4; attempt++) {
            delivery.sweep();
            now = now.plus(Duration.ofMinutes(1));
        }

        assertThat(queue.items.get("a").state).isEqualTo(InMemoryOutboxQueue.State.FAILED);
        assertThat(queue.items.get("a").message.token()).isNull();
        String failure = logLines.stream().filter(l -> l.contains("OUTBOX_FAILED")).findFirst().orElseThrow();
        assertThat(failure).contains("\"level\":\"ERROR\"", "\"outboxId\":\"a\"", "\"attempts\":4")
                .doesNotContain("example.id").doesNotContain(TOKEN);
        assertThat(delivery.sweep().failed()).isZero();
    }

    @Test
    void aPermanentRejectionFailsAtOnce() {
        enqueue("a");
        rejected = true;

        assertThat(delivery.sweep().failed()).isEqualTo(1);
        assertThat(queue.items.get("a").state).isEqualTo(InMemoryOutboxQueue.State.FAILED);
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        OutboxDelivery.RetryPolicy policy = OutboxDelivery.RetryPolicy.PRODUCTION;

        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(11)).isEqualTo(Duration.ofMinutes(30));
    }
}
