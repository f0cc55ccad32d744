package id.warta.mailer;

import com.fasterxml.jackson.core.type.TypeReference;
import id.warta.logging.EmbeddedMetricFormat;
import id.warta.logging.EventLog;
import id.warta.mail.SuppressionList;
import id.warta.testing.EmfRecord;
import id.warta.testing.InMemorySuppressionList;
import id.warta.json.Json;
import id.warta.mail.MailKind;
import id.warta.mail.MailLanguage;
import id.warta.mail.OutboxMessage;
import id.warta.http.testing.EventFixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler on the real-shaped events of events/activation-mailer (stream batch and schedule). */
class ActivationMailerHandlerTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");
    private static final String STREAMED_ID = "0b7e5c8e-3f7d-4b8e-9a51-6c1d2e3f4a5b";

    private final InMemoryOutboxQueue queue = new InMemoryOutboxQueue();
    private final List<String> recipients = new ArrayList<>();
    private final List<String> logLines = new ArrayList<>();
    private final EventLog log = new EventLog("activation-mailer", logLines::add);
    private final InMemorySuppressionList suppressions = new InMemorySuppressionList();
    private final ActivationMailerHandler handler = new ActivationMailerHandler(new OutboxDelivery(queue,
            (recipient, email) -> {
                if (recipient.startsWith("rejected")) {
                    throw new MailSender.MailSendException("SES 400 MessageRejected", MailSender.MailSendException.Outcome.REJECTED, false);
                }
                recipients.add(recipient);
                return "ses-message-" + recipients.size();
            }, suppressions, new MailTemplates("https://warta.example", 2),
            OutboxDelivery.RetryPolicy.PRODUCTION, log, Clock.fixed(NOW, ZoneOffset.UTC)), log,
            new EmbeddedMetricFormat("Warta", "warta-test", log, Clock.fixed(NOW, ZoneOffset.UTC)));

    private static Map<String, Object> event(String fixture) throws Exception {
        return Json.mapper().readValue(Files.readString(EventFixtures.path(fixture)), new TypeReference<>() {
        });
    }

    private void enqueue(String id) {
        queue.add(id, new OutboxMessage(MailKind.ACTIVATION, MailLanguage.ID, id + "@example.id", "Sari",
                "1b4e28ba-2fa1-4d2b-883f-0016d3cca427.q0Zk3zO5bF1mPpY2Jc8xWn4vR7tHsLgDaE6uKiN9yTo"), NOW.minus(Duration.ofSeconds(1)));
    }

    @Test
    void aStreamBatchDeliversOnlyTheItemsItNames() throws Exception {
        enqueue(STREAMED_ID);
        enqueue("other");

        Map<String, Object> result = handler.handleRequest(event("activation-mailer/stream-new-outbox.json"), null);

        assertThat(result).containsEntry("sent", 1).containsEntry("deferred", 0).containsEntry("rejected", 0);
        assertThat(recipients).containsExactly(STREAMED_ID + "@example.id");
        assertThat(logLines).anyMatch(line -> line.contains("\"trigger\":\"stream\""));
        EmfRecord metrics = EmfRecord.in(logLines).getLast();
        assertThat(metrics.values()).as("a stream run reports no outbox age: only sweeps see the whole outbox")
                .containsOnlyKeys("EmailsSent", "EmailsRetried", "EmailsSuppressed", "EmailsGivenUp")
                .containsEntry("EmailsSent", 1.0);
    }

    @Test
    void theScheduleSweepsEverythingDue() throws Exception {
        enqueue(STREAMED_ID);
        enqueue("other");

        Map<String, Object> result = handler.handleRequest(event("activation-mailer/sweep-schedule.json"), null);

        assertThat(result).containsEntry("sent", 2);
        assertThat(logLines).anyMatch(line -> line.contains("\"trigger\":\"schedule\""))
                .noneMatch(line -> line.contains("example.id"));
    }

    @Test
    void everyRunReportsItsCountsAndEverySweepTheOutboxAgeAsEmbeddedMetrics() throws Exception {
        enqueue("sent");
        enqueue("rejected");
        enqueue("suppressed");
        suppressions.suppress(new SuppressionList.Suppression("suppressed@example.id", SuppressionList.Reason.COMPLAINT,
                "feedback-1", NOW));
        queue.add("in-back-off", new OutboxMessage(MailKind.PASSWORD_RESET, MailLanguage.ID, "later@example.id", "Sari",
                "token"), NOW.plus(Duration.ofMinutes(5)));

        handler.handleRequest(event("activation-mailer/sweep-schedule.json"), null);

        List<EmfRecord> records = EmfRecord.in(logLines);
        assertThat(records).allSatisfy(record -> assertThat(record.namespace()).isEqualTo("Warta"));
        assertThat(records).filteredOn(record -> record.dimensions().equals(Map.of("Stack", "warta-test")))
                .singleElement().satisfies(run -> assertThat(run.values()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "EmailsSent", 1.0, "EmailsRetried", 0.0, "EmailsSuppressed", 1.0, "EmailsGivenUp", 1.0,
                        "OutboxOldestPendingAgeSeconds", 0.0)));
        assertThat(records).filteredOn(record -> record.dimensions().containsKey("Outcome")).singleElement()
                .satisfies(givenUp -> {
                    assertThat(givenUp.dimensions()).containsEntry("Outcome", "GIVEN_UP_REJECTED");
                    assertThat(givenUp.values()).containsExactly(Map.entry("EmailsGivenUp", 1.0));
                });
    }

    @Test
    void aSweepReportsHowLongTheMostOverdueEmailHasWaited() throws Exception {
        queue.add("stuck", new OutboxMessage(MailKind.ACTIVATION, MailLanguage.ID, "stuck@example.id", "Sari", "token"),
                NOW.minus(Duration.ofMinutes(20)));
        queue.failingClaims = 1;

        handler.handleRequest(event("activation-mailer/sweep-schedule.json"), null);

        assertThat(EmfRecord.in(logLines).getLast().values()).containsEntry("OutboxOldestPendingAgeSeconds", 1200.0);
    }

    @Test
    void aSweepThatCannotReadTheOutboxAgeStillReportsItsCountsAndSaysWhyTheAgeIsMissing() throws Exception {
        enqueue("sent");
        queue.oldestDueUnreadable = true;

        handler.handleRequest(event("activation-mailer/sweep-schedule.json"), null);

        assertThat(EmfRecord.in(logLines).getLast().values()).containsEntry("EmailsSent", 1.0)
                .doesNotContainKey("OutboxOldestPendingAgeSeconds");
        assertThat(logLines).anyMatch(line -> line.contains("\"event\":\"OUTBOX_AGE_UNKNOWN\"") && line.contains("ERROR"));
    }
}
