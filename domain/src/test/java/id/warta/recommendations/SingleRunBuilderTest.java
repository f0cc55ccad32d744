package id.warta.recommendations;

import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import id.warta.activity.ViewLog;
import id.warta.content.Edition;
import id.warta.testing.InMemoryRecommendationStore;
import id.warta.testing.InMemoryViewLog;
import id.warta.testing.DelegatingViewLog;
import id.warta.testing.InMemoryContentRepository;
import id.warta.testing.InMemoryRunLease;
import id.warta.testing.SampleContent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One run at a time: a run that overlaps another skips at once, and the lease is given back however the run ends. */
class SingleRunBuilderTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");
    private static final Duration MAX_RUN = Duration.ofMinutes(15);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryContentRepository content = new InMemoryContentRepository();
    private final InMemoryViewLog views = new InMemoryViewLog();
    private final InMemoryRecommendationStore store = new InMemoryRecommendationStore();
    private final InMemoryRunLease lease = new InMemoryRunLease();

    SingleRunBuilderTest() {
        content.save(SampleContent.article("banjir-demak", "nasional", Edition.WEB, false, NOW.minusSeconds(3600)));
        views.record(new View("banjir-demak", ReaderKey.browser("r1"), NOW.minusSeconds(600)));
    }

    private SingleRunBuilder builder(ViewLog viewLog) {
        return new SingleRunBuilder(new RecommendationBuilder(viewLog, content, store, RecommendationWeights.DEFAULT, CLOCK),
                lease, CLOCK);
    }

    @Test
    void aRunThatStartsWhileAnotherIsBuildingSkipsWithoutBuilding() {
        List<Optional<BuildReport>> overlapping = new ArrayList<>();
        // The second run starts while the first is reading views, that is in the middle of its build.
        SingleRunBuilder first = builder(new DelegatingViewLog(views) {
            @Override
            public List<View> viewsInHour(Instant hour) {
                if (overlapping.isEmpty()) {
                    overlapping.add(builder(views).build("run-2", MAX_RUN));
                }
                return super.viewsInHour(hour);
            }
        });

        Optional<BuildReport> report = first.build("run-1", MAX_RUN);

        assertThat(overlapping).containsExactly(Optional.empty());
        assertThat(report).isPresent();
        assertThat(report.get().relatedLists()).isEqualTo(1);
    }

    @Test
    void theLeaseIsGivenBackAfterARunSoTheNextRunBuilds() {
        assertThat(builder(views).build("run-1", MAX_RUN)).isPresent();

        assertThat(builder(views).build("run-2", MAX_RUN)).isPresent();
    }

    @Test
    void theLeaseIsGivenBackWhenTheBuildFails() {
        SingleRunBuilder failing = builder(new DelegatingViewLog(views) {
            @Override
            public List<View> viewsInHour(Instant hour) {
                throw new IllegalStateException("DynamoDB unavailable");
            }
        });

        assertThatThrownBy(() -> failing.build("run-1", MAX_RUN)).isInstanceOf(IllegalStateException.class);
        assertThat(builder(views).build("run-2", MAX_RUN)).isPresent();
    }

    @Test
    void aRunHoldsTheLeaseForItsMaximumRunTime() {
        assertThat(lease.take("died", NOW, NOW.plus(MAX_RUN))).isTrue();
        assertThat(builder(views).build("run-2", MAX_RUN)).isEmpty();

        Clock afterItsTimeout = Clock.fixed(NOW.plus(MAX_RUN), ZoneOffset.UTC);
        SingleRunBuilder later = new SingleRunBuilder(
                new RecommendationBuilder(views, content, store, RecommendationWeights.DEFAULT, afterItsTimeout), lease, afterItsTimeout);
        assertThat(later.build("run-3", MAX_RUN)).isPresent();
    }
}
