package id.warta.mail;

import id.warta.testing.InMemorySuppressionList;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedbackSuppressionTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:02Z");

    private final InMemorySuppressionList suppressions = new InMemorySuppressionList();
    private final FeedbackSuppression rule = new FeedbackSuppression(suppressions, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aHardBounceSuppressesEveryAddressItNamesInTheAccountsForm() {
        FeedbackSuppression.Applied applied = rule.apply(new MailFeedback(MailFeedback.Kind.HARD_BOUNCE, "fb-1",
                List.of(" Tidak.Ada@Example.ID", "lain@example.id")));

        assertThat(applied).isEqualTo(new FeedbackSuppression.Applied(MailFeedback.Kind.HARD_BOUNCE, 2, 0));
        assertThat(suppressions.isSuppressed("tidak.ada@example.id")).isTrue();
        assertThat(suppressions.find("lain@example.id")).hasValue(new SuppressionList.Suppression("lain@example.id",
                SuppressionList.Reason.HARD_BOUNCE, "fb-1", NOW));
    }

    @Test
    void aComplaintSuppressesAndTheFirstReasonStaysWhenFeedbackComesAgain() {
        rule.apply(new MailFeedback(MailFeedback.Kind.COMPLAINT, "fb-1", List.of("keberatan@example.id")));

        FeedbackSuppression.Applied again = rule.apply(new MailFeedback(MailFeedback.Kind.HARD_BOUNCE, "fb-2",
                List.of("keberatan@example.id")));

        assertThat(again.newlySuppressed()).isZero();
        assertThat(again.alreadySuppressed()).isOne();
        assertThat(suppressions.find("keberatan@example.id").orElseThrow().reason()).isEqualTo(SuppressionList.Reason.COMPLAINT);
    }

    @Test
    void aSoftBounceSuppressesNothing() {
        FeedbackSuppression.Applied applied = rule.apply(new MailFeedback(MailFeedback.Kind.SOFT_BOUNCE, "fb-1",
                List.of("penuh@example.id")));

        assertThat(applied).isEqualTo(new FeedbackSuppression.Applied(MailFeedback.Kind.SOFT_BOUNCE, 0, 0));
        assertThat(suppressions.all()).isEmpty();
    }

    @Test
    void feedbackWithoutItsIdOrARecipientIsNotFeedback() {
        assertThatThrownBy(() -> new MailFeedback(MailFeedback.Kind.COMPLAINT, " ", List.of("a@example.id")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailFeedback(MailFeedback.Kind.COMPLAINT, "fb", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
