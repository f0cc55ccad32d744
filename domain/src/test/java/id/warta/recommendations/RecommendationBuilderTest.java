package id.warta.recommendations;

import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import id.warta.content.ArticleSummary;
import id.warta.content.Edition;
import id.warta.testing.InMemoryRecommendationStore;
import id.warta.testing.InMemoryViewLog;
import id.warta.testing.InMemoryContentRepository;
import id.warta.testing.SampleContent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each signal of the blend, on small hand-made view sets, through the real builder with in-memory stores. */
class RecommendationBuilderTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");

    private final InMemoryContentRepository content = new InMemoryContentRepository();
    private final InMemoryViewLog views = new InMemoryViewLog();
    private final InMemoryRecommendationStore store = new InMemoryRecommendationStore();

    private void article(String slug, String section, Duration age, String... tags) {
        content.save(SampleContent.article(slug, section, Edition.WEB, false, NOW.minus(age), tags));
    }

    /** Each of the readers reads every one of the slugs, a minute apart, half an hour ago. */
    private void readers(String prefix, int count, String... slugs) {
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < slugs.length; i++) {
                views.record(new View(slugs[i], ReaderKey.browser(prefix + r), NOW.minus(Duration.ofMinutes(30 - i))));
            }
        }
    }

    private BuildReport buildAt(Instant at) {
        return new RecommendationBuilder(views, content, store, RecommendationWeights.DEFAULT,
                Clock.fixed(at, ZoneOffset.UTC)).build();
    }

    private List<String> related(String slug) {
        return store.related(slug).orElseThrow().stream().map(ArticleSummary::slug).toList();
    }

    private List<String> trending(String section) {
        return store.trending(section).orElseThrow().stream().map(ArticleSummary::slug).toList();
    }

    @Test
    void readersAlsoReadBeatsSameSectionAndNeverListsTheArticleItself() {
        article("banjir-demak", "nasional", Duration.ofHours(3), "banjir");
        article("harga-beras-naik", "ekonomi", Duration.ofHours(3), "beras");
        article("pemilu-daerah", "nasional", Duration.ofHours(3), "pemilu");
        readers("r", 5, "banjir-demak", "harga-beras-naik");

        buildAt(NOW);

        assertThat(related("banjir-demak")).containsExactly("harga-beras-naik", "pemilu-daerah");
    }

    @Test
    void anArticleMerelyPopularWithEveryoneLosesToOneReadSpecificallyWithTheSource() {
        article("banjir-demak", "nasional", Duration.ofHours(3));
        article("tanggul-jebol", "olahraga", Duration.ofHours(3));
        article("derbi-berakhir-imbang", "olahraga", Duration.ofHours(3));
        readers("niche", 3, "banjir-demak", "tanggul-jebol");
        readers("both", 4, "banjir-demak", "derbi-berakhir-imbang");
        readers("fans", 96, "derbi-berakhir-imbang");

        buildAt(NOW);

        // More sessions read the popular one with the source (4 against 3), yet the niche one wins.
        assertThat(related("banjir-demak")).startsWith("tanggul-jebol", "derbi-berakhir-imbang");
    }

    @Test
    void ofEquallyRelatedArticlesTheNewerRanksFirst() {
        article("harga-beras-naik", "ekonomi", Duration.ofHours(2), "beras");
        article("stok-beras-aman", "ekonomi", Duration.ofHours(30), "beras");
        article("beras-impor-tiba", "ekonomi", Duration.ofHours(1), "beras");

        buildAt(NOW);

        assertThat(related("harga-beras-naik")).containsExactly("beras-impor-tiba", "stok-beras-aman");
    }

    @Test
    void aNewArticleWithoutViewsGetsSameSectionAndSameTagLatestBeforeMerelyTrendingOnes() {
        article("beras-impor-tiba", "ekonomi", Duration.ofMinutes(5), "beras");
        article("rupiah-menguat", "ekonomi", Duration.ofHours(4), "rupiah");
        article("petani-panen-raya", "daerah", Duration.ofHours(5), "beras");
        article("derbi-berakhir-imbang", "olahraga", Duration.ofHours(1), "liga");
        readers("fans", 20, "derbi-berakhir-imbang");

        buildAt(NOW);

        List<String> list = related("beras-impor-tiba");
        assertThat(list.subList(0, 2)).containsExactlyInAnyOrder("rupiah-menguat", "petani-panen-raya");
        assertThat(list).endsWith("derbi-berakhir-imbang");
    }

    @Test
    void trendingCountsViewsOfTheLast24HoursOverallAndPerSection() {
        article("banjir-demak", "nasional", Duration.ofDays(2));
        article("harga-beras-naik", "ekonomi", Duration.ofHours(3));
        article("rupiah-menguat", "ekonomi", Duration.ofHours(3));
        readers("a", 3, "harga-beras-naik");
        readers("b", 2, "rupiah-menguat", "banjir-demak");
        for (int r = 0; r < 50; r++) {
            views.record(new View("rupiah-menguat", ReaderKey.browser("old" + r), NOW.minus(Duration.ofHours(25))));
        }

        buildAt(NOW);

        assertThat(trending(RankedList.ALL_SECTIONS)).containsExactly("harga-beras-naik", "rupiah-menguat", "banjir-demak");
        assertThat(trending("ekonomi")).containsExactly("harga-beras-naik", "rupiah-menguat");
        assertThat(trending("nasional")).containsExactly("banjir-demak");
    }

    @Test
    void aLaterRunReadsOnlyTheHoursSinceItsCheckpointAndReusesStoredAggregates() {
        article("banjir-demak", "nasional", Duration.ofHours(3));
        article("harga-beras-naik", "ekonomi", Duration.ofHours(3));
        readers("r", 5, "banjir-demak", "harga-beras-naik");
        BuildReport first = buildAt(NOW);
        int readByFirst = views.hoursRead().size();

        BuildReport second = buildAt(NOW.plus(Duration.ofHours(1)));

        assertThat(first.hoursAggregated()).isEqualTo(23);
        assertThat(readByFirst).isEqualTo(24);
        Instant hour = NOW.truncatedTo(ChronoUnit.HOURS);
        assertThat(views.hoursRead().subList(readByFirst, views.hoursRead().size()))
                .containsExactly(hour, hour.plus(Duration.ofHours(1)));
        assertThat(second.hoursLoaded()).isEqualTo(22);
        assertThat(second.hoursAggregated()).isEqualTo(1);
        assertThat(second.windowViews()).isEqualTo(10);
        assertThat(related("banjir-demak")).containsExactly("harga-beras-naik");
    }
}
