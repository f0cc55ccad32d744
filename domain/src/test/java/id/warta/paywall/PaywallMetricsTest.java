package id.warta.paywall;

import id.warta.content.AccessLevel;
import id.warta.logging.EmbeddedMetricFormat;
import id.warta.logging.EventLog;
import id.warta.reader.ReaderAccount;
import id.warta.testing.EmfRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The paywall's EMF lines, each held to the specification's shape: ArticleReads and Unlocks. */
class PaywallMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");
    private static final String SLUG = "jerat-tengkulak-di-lumbung-padi";
    private static final AccessPolicy POLICY = new AccessPolicy(2);
    private static final ReaderAccount ACTIVATED = new ReaderAccount("a-2", true, null, 0);
    private static final ReaderAccount UNACTIVATED = new ReaderAccount("a-1", false, null, 0);
    private static final ReaderAccount SUBSCRIBER = new ReaderAccount("a-3", true, NOW.plusSeconds(86_400), 0);
    private static final MeterState TWO_OTHERS_USED = new MeterState(Set.of("lain-satu", "lain-dua"));
    private static final MeterState THIS_ONE_UNLOCKED = new MeterState(Set.of(SLUG));

    private final List<String> lines = new ArrayList<>();
    private final PaywallMetrics metrics = new PaywallMetrics(new EmbeddedMetricFormat("Warta", "warta-prod",
            new EventLog("articles", lines::add), Clock.fixed(NOW, ZoneOffset.UTC)));

    private static Access decide(AccessLevel level, ReaderAccount reader, MeterState meter) {
        return POLICY.decide(level, SLUG, Optional.ofNullable(reader), meter, NOW);
    }

    /** The one record written since the last call, checked against the EMF specification. */
    private EmfRecord onlyRecord() {
        assertThat(lines).hasSize(1);
        EmfRecord record = EmfRecord.parse(lines.removeFirst());
        assertThat(record.namespace()).isEqualTo("Warta");
        assertThat(record.timestamp()).isEqualTo(NOW.toEpochMilli());
        return record;
    }

    private Map<String, String> readDimensions(Access access) {
        metrics.read(access);
        EmfRecord record = onlyRecord();
        assertThat(record.values()).containsExactly(Map.entry("ArticleReads", 1.0));
        assertThat(record.units()).containsExactly(Map.entry("ArticleReads", "Count"));
        return record.dimensions();
    }

    @Test
    void aReadIsCountedByAccessLevelAndTheReasonOfTheDecisionInOneDimensionSet() {
        assertThat(readDimensions(decide(AccessLevel.FREE, null, MeterState.EMPTY))).containsExactly(
                Map.entry("Stack", "warta-prod"), Map.entry("AccessLevel", "FREE"), Map.entry("Reason", "GRANTED"));
        assertThat(readDimensions(decide(AccessLevel.METERED, ACTIVATED, MeterState.EMPTY)))
                .containsEntry("AccessLevel", "METERED").containsEntry("Reason", "UNLOCKABLE");
        assertThat(readDimensions(decide(AccessLevel.METERED, ACTIVATED, THIS_ONE_UNLOCKED)))
                .containsEntry("Reason", "GRANTED");
        assertThat(readDimensions(decide(AccessLevel.METERED, null, MeterState.EMPTY)))
                .containsEntry("Reason", "LOGIN_REQUIRED");
        assertThat(readDimensions(decide(AccessLevel.METERED, UNACTIVATED, MeterState.EMPTY)))
                .containsEntry("Reason", "ACTIVATION_REQUIRED");
        assertThat(readDimensions(decide(AccessLevel.METERED, ACTIVATED, TWO_OTHERS_USED)))
                .containsEntry("Reason", "QUOTA_EXHAUSTED");
        assertThat(readDimensions(decide(AccessLevel.SUBSCRIBER, ACTIVATED, MeterState.EMPTY)))
                .containsEntry("AccessLevel", "SUBSCRIBER").containsEntry("Reason", "SUBSCRIPTION_REQUIRED");
    }

    private String viewOutcome(Access access, boolean creditSpent) {
        metrics.view(access, false, creditSpent);
        EmfRecord record = onlyRecord();
        assertThat(record.values()).containsExactly(Map.entry("Unlocks", 1.0));
        assertThat(record.dimensions()).containsOnlyKeys("Stack", "Outcome");
        return record.dimensions().get("Outcome");
    }

    @Test
    void aViewOfAMeteredArticleIsCountedByHowItsUnlockEnded() {
        assertThat(viewOutcome(decide(AccessLevel.METERED, ACTIVATED, THIS_ONE_UNLOCKED), true)).isEqualTo("GRANTED");
        assertThat(viewOutcome(decide(AccessLevel.METERED, ACTIVATED, THIS_ONE_UNLOCKED), false)).isEqualTo("NOT_NEEDED");
        assertThat(viewOutcome(decide(AccessLevel.METERED, SUBSCRIBER, MeterState.EMPTY), false)).isEqualTo("NOT_NEEDED");
        assertThat(viewOutcome(decide(AccessLevel.METERED, ACTIVATED, TWO_OTHERS_USED), false)).isEqualTo("QUOTA_EXHAUSTED");
        assertThat(viewOutcome(decide(AccessLevel.METERED, UNACTIVATED, MeterState.EMPTY), false))
                .isEqualTo("ACTIVATION_REQUIRED");
        assertThat(viewOutcome(decide(AccessLevel.METERED, null, MeterState.EMPTY), false)).isEqualTo("LOGIN_REQUIRED");
    }

    @Test
    void viewsOfOtherLevelsAndCrawlersViewsAreNoUnlocks() {
        metrics.view(decide(AccessLevel.FREE, ACTIVATED, MeterState.EMPTY), false, false);
        metrics.view(decide(AccessLevel.SUBSCRIBER, ACTIVATED, MeterState.EMPTY), false, false);
        metrics.view(decide(AccessLevel.METERED, null, MeterState.EMPTY), true, false);

        assertThat(lines).isEmpty();
    }

    @Test
    void noLineNamesTheArticleOrTheReader() {
        metrics.read(decide(AccessLevel.METERED, ACTIVATED, THIS_ONE_UNLOCKED));
        metrics.view(decide(AccessLevel.METERED, ACTIVATED, THIS_ONE_UNLOCKED), false, true);

        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain(SLUG, ACTIVATED.id()));
    }
}
