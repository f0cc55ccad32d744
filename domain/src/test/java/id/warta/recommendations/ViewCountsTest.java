package id.warta.recommendations;

import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ViewCountsTest {
    private static final Instant HOUR = Instant.parse("2026-11-26T03:00:00Z");

    private static View view(String slug, String reader, int minute) {
        return new View(slug, reader == null ? ReaderKey.ANONYMOUS : ReaderKey.browser(reader), HOUR.plusSeconds(60L * minute));
    }

    @Test
    void aReaderCountsOncePerArticleAndAnonymousViewsCountButPairNothing() {
        ViewCounts counts = ViewCounts.ofHour(List.of(
                view("a", "r1", 1), view("a", "r1", 2), view("b", "r1", 3),
                view("a", null, 4), view("b", null, 5)));

        assertThat(counts.views("a")).isEqualTo(2);
        assertThat(counts.views("b")).isEqualTo(2);
        assertThat(counts.coViews("a", "b")).isEqualTo(1);
        assertThat(counts.coViews("b", "a")).isEqualTo(1);
    }

    @Test
    void oneHeavyReaderPairsOnlyTheFirstArticlesOfTheSession() {
        List<View> session = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            session.add(view("artikel-" + i, "rakus", i));
        }

        ViewCounts counts = ViewCounts.ofHour(session);

        int cap = ViewCounts.MAX_ARTICLES_PER_SESSION;
        assertThat(counts.pairCount()).isEqualTo(cap * (cap - 1) / 2);
        assertThat(counts.coViews("artikel-0", "artikel-" + (cap - 1))).isEqualTo(1);
        assertThat(counts.coViews("artikel-0", "artikel-" + cap)).isZero();
        assertThat(counts.totalViews()).isEqualTo(50);
    }

    @Test
    void survivesEncodingAndMergesHoursByAddingCounts() {
        ViewCounts hour = ViewCounts.ofHour(List.of(view("a", "r1", 1), view("b", "r1", 2), view("c", null, 3)));
        ViewCounts window = ViewCounts.decode(hour.encode());

        window.add(ViewCounts.ofHour(List.of(view("b", "r2", 1), view("a", "r2", 2))));

        assertThat(window.views("a")).isEqualTo(2);
        assertThat(window.views("c")).isEqualTo(1);
        assertThat(window.coViews("a", "b")).isEqualTo(2);
        assertThat(window.mostViewed(2)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void keepsTheStrongestPairsWhenOverTheCap() {
        PairCounts pairs = new PairCounts();
        for (int i = 1; i <= 1000; i++) {
            pairs.add(PairCounts.key(0, i), i);
        }

        pairs.retainLargest(10);

        assertThat(pairs.size()).isEqualTo(10);
        assertThat(pairs.get(PairCounts.key(1000, 0))).isEqualTo(1000);
        assertThat(pairs.get(PairCounts.key(0, 990))).isZero();
    }
}
