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

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The read side: the precomputed list minus the reader's history, and the cold start. */
class RecommendationsTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");
    private static final ReaderKey READER = ReaderKey.browser("2b1c8f5e-8f4a-4c47-9d0e-0c8a7b9e1f11");

    private final InMemoryContentRepository content = new InMemoryContentRepository();
    private final InMemoryViewLog views = new InMemoryViewLog();
    private final InMemoryRecommendationStore store = new InMemoryRecommendationStore();
    private final Recommendations recommendations = new Recommendations(store, views, content);

    private ArticleSummary article(String slug, String section, int minutesOld) {
        var article = SampleContent.article(slug, section, Edition.WEB, false, SampleContent.minutesBefore(NOW, minutesOld));
        content.save(article);
        return article.summary();
    }

    private static List<String> slugs(Optional<List<ArticleSummary>> items) {
        return items.orElseThrow().stream().map(ArticleSummary::slug).toList();
    }

    @Test
    void leavesOutWhatThisReaderAlreadyReadAndTheArticleItself() {
        ArticleSummary source = article("banjir-demak", "nasional", 10);
        List<ArticleSummary> built = List.of(source, article("tanggul-jebol", "nasional", 20),
                article("pengungsi-bertambah", "nasional", 30), article("bantuan-tiba", "nasional", 40));
        store.saveLists(List.of(RankedList.related("banjir-demak", built)));
        views.record(new View("tanggul-jebol", READER, NOW));

        assertThat(slugs(recommendations.related("banjir-demak", READER, 6)))
                .containsExactly("pengungsi-bertambah", "bantuan-tiba");
        assertThat(slugs(recommendations.related("banjir-demak", ReaderKey.ANONYMOUS, 2)))
                .containsExactly("tanggul-jebol", "pengungsi-bertambah");
    }

    @Test
    void beforeAnyListIsBuiltServesTheLatestOfTheSameSectionMinusWhatWasRead() {
        article("banjir-demak", "nasional", 10);
        article("tanggul-jebol", "nasional", 20);
        article("pengungsi-bertambah", "nasional", 30);
        article("derbi-berakhir-imbang", "olahraga", 5);
        views.record(new View("tanggul-jebol", READER, NOW));

        assertThat(slugs(recommendations.related("banjir-demak", READER, 6))).containsExactly("pengungsi-bertambah");
    }

    @Test
    void anUnknownArticleHasNoRecommendations() {
        assertThat(recommendations.related("tidak-ada", READER, 6)).isEmpty();
    }

    @Test
    void trendingIsEmptyBeforeAnyViewsAndCutToTheLimit() {
        assertThat(recommendations.trending(Optional.empty(), 5)).isEmpty();

        store.saveLists(List.of(RankedList.trending("ekonomi",
                List.of(article("a", "ekonomi", 1), article("b", "ekonomi", 2), article("c", "ekonomi", 3)))));

        assertThat(recommendations.trending(Optional.of("ekonomi"), 2)).extracting(ArticleSummary::slug)
                .containsExactly("a", "b");
    }
}
