package id.warta.feedback;

import com.fasterxml.jackson.core.type.TypeReference;
import id.warta.http.testing.EventFixtures;
import id.warta.json.Json;
import id.warta.logging.EmbeddedMetricFormat;
import id.warta.logging.EventLog;
import id.warta.mail.FeedbackSuppression;
import id.warta.mail.SuppressionList;
import id.warta.testing.EmfRecord;
import id.warta.testing.InMemorySuppressionList;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler on the real-shaped SNS events of events/mail-feedback (SES event publishing inside). */
class MailFeedbackHandlerTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:03Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemorySuppressionList suppressions = new InMemorySuppressionList();
    private final List<String> logLines = new ArrayList<>();
    private final EventLog log = new EventLog("mail-feedback", logLines::add);
    private final MailFeedbackHandler handler = new MailFeedbackHandler(new FeedbackSuppression(suppressions, CLOCK), log,
            new EmbeddedMetricFormat("Warta", "warta-test", log, CLOCK));

    private static Map<String, Object> event(String fixture) throws Exception {
        return Json.mapper().readValue(Files.readString(EventFixtures.path("mail-feedback/" + fixture)), new TypeReference<>() {
        });
    }

    private Map<String, Double> metricsOf(String dimension, String value) {
        return EmfRecord.in(logLines).stream()
                .filter(record -> value == null ? record.dimensions().size() == 1 : value.equals(record.dimensions().get(dimension)))
                .findFirst().orElseThrow().values();
    }

    @Test
    void aPermanentBounceSuppressesTheAddressInTheAccountsFormAndLogsNoAddress() throws Exception {
        Map<String, Object> result = handler.handleRequest(event("bounce-permanent.json"), null);

        assertThat(result).containsEntry("hardBounceSuppressions", 1).containsEntry("unreadable", 0);
        assertThat(suppressions.find("tidak.ada@example.id")).hasValueSatisfying(s -> {
            assertThat(s.reason()).isEqualTo(SuppressionList.Reason.HARD_BOUNCE);
            assertThat(s.feedbackId()).isEqualTo("0107019ac0a1b2c3-4d5e6f70-8a9b-4c0d-9e1f-2a3b4c5d6e7f-000000");
            assertThat(s.suppressedAt()).isEqualTo(NOW);
        });
        assertThat(logLines).noneMatch(line -> line.toLowerCase().contains("tidak.ada"))
                .anyMatch(line -> line.contains("\"event\":\"FEEDBACK\"") && line.contains("\"kind\":\"HARD_BOUNCE\""));
        assertThat(metricsOf("Reason", "HARD_BOUNCE")).containsExactly(Map.entry("AddressesSuppressed", 1.0));
    }

    @Test
    void aComplaintSuppressesTheAddress() throws Exception {
        Map<String, Object> result = handler.handleRequest(event("complaint.json"), null);

        assertThat(result).containsEntry("complaintSuppressions", 1);
        assertThat(suppressions.find("keberatan@example.id").orElseThrow().reason()).isEqualTo(SuppressionList.Reason.COMPLAINT);
        assertThat(metricsOf("Reason", "COMPLAINT")).containsExactly(Map.entry("AddressesSuppressed", 1.0));
    }

    @Test
    void aTransientBounceSuppressesNothingAndIsCountedAsASoftBounce() throws Exception {
        Map<String, Object> result = handler.handleRequest(event("bounce-transient.json"), null);

        assertThat(result).containsEntry("softBounces", 1).containsEntry("hardBounceSuppressions", 0);
        assertThat(suppressions.all()).isEmpty();
        assertThat(metricsOf(null, null)).containsEntry("SoftBounces", 1.0).containsEntry("FeedbackUnreadable", 0.0);
        assertThat(EmfRecord.in(logLines)).noneMatch(record -> record.values().containsKey("AddressesSuppressed"));
    }

    @Test
    void aMalformedNotificationIsLoggedAndCountedWithoutFailingTheInvocation() throws Exception {
        Map<String, Object> result = handler.handleRequest(event("malformed.json"), null);

        assertThat(result).containsEntry("unreadable", 1);
        assertThat(suppressions.all()).isEmpty();
        assertThat(logLines).anyMatch(line -> line.contains("\"level\":\"ERROR\"") && line.contains("FEEDBACK_UNREADABLE")
                && line.contains("5d3f6c4b-8e0a-5b2c-9d4f-6a8b0c2d4e6f"));
        assertThat(metricsOf(null, null)).containsEntry("FeedbackUnreadable", 1.0);
    }

    @Test
    void theSameBounceDeliveredTwiceSuppressesOnce() throws Exception {
        handler.handleRequest(event("bounce-permanent.json"), null);

        Map<String, Object> again = handler.handleRequest(event("bounce-permanent.json"), null);

        assertThat(again).containsEntry("hardBounceSuppressions", 0);
        assertThat(suppressions.all()).hasSize(1);
        assertThat(logLines.stream().filter(line -> line.contains("\"alreadySuppressed\":1"))).hasSize(1);
    }

    @Test
    void otherNotificationsAndNotSpamComplaintsAreIgnoredAndTheIdentityNotificationFormatIsRead() {
        assertThat(SesNotifications.read("{\"eventType\":\"Delivery\",\"delivery\":{}}"))
                .isEqualTo(new SesNotifications.Ignored("Delivery"));
        assertThat(SesNotifications.read("{\"eventType\":\"Complaint\",\"complaint\":{\"feedbackId\":\"f\","
                + "\"complaintFeedbackType\":\"not-spam\",\"complainedRecipients\":[{\"emailAddress\":\"a@example.id\"}]}}"))
                .isInstanceOf(SesNotifications.Ignored.class);
        assertThat(SesNotifications.read("{\"notificationType\":\"Bounce\",\"bounce\":{\"feedbackId\":\"f\","
                + "\"bounceType\":\"Undetermined\",\"bouncedRecipients\":[{\"emailAddress\":\"a@example.id\"}]}}"))
                .isInstanceOfSatisfying(SesNotifications.Feedback.class, f ->
                        assertThat(f.feedback().kind().name()).isEqualTo("SOFT_BOUNCE"));
        assertThat(SesNotifications.read("{\"eventType\":\"Bounce\",\"bounce\":{\"feedbackId\":\"f\",\"bounceType\":\"Permanent\"}}"))
                .isEqualTo(new SesNotifications.Unreadable("no bouncedRecipients"));
        assertThat(SesNotifications.read("[]")).isInstanceOf(SesNotifications.Unreadable.class);
    }
}
