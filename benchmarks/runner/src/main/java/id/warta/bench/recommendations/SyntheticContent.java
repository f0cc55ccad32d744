package id.warta.bench.recommendations;

import id.warta.content.Article;
import id.warta.content.ArticleFilter;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;
import id.warta.content.Edition;
import id.warta.content.Page;
import id.warta.content.Video;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A large publisher's archive, generated: {@code count} articles at 300 a day, ten sections, tags
 * drawn per section. Serves only the two reads the recommendations builder makes.
 */
final class SyntheticContent implements ContentRepository {
    static final String[] SECTIONS = {"nasional", "internasional", "ekonomi", "hukum", "politik", "sains", "olahraga",
            "gaya-hidup", "teknologi", "opini"};
    private static final int ARTICLES_PER_DAY = 300;
    private static final int TAGS_PER_SECTION = 60;

    private final List<ArticleSummary> newestFirst = new ArrayList<>();
    private final Map<String, ArticleSummary> bySlug = new HashMap<>();

    SyntheticContent(int count, Instant now, Random random) {
        Duration interval = Duration.ofDays(1).dividedBy(ARTICLES_PER_DAY);
        for (int i = 0; i < count; i++) {
            String section = SECTIONS[random.nextInt(SECTIONS.length)];
            List<String> tags = List.of(section + "-" + random.nextInt(TAGS_PER_SECTION),
                    section + "-" + random.nextInt(TAGS_PER_SECTION), "umum-" + random.nextInt(200));
            ArticleSummary summary = new ArticleSummary("art-" + i, "artikel-sintetis-nomor-" + i + "-" + section,
                    "Judul artikel " + i, "Ringkasan artikel sintetis untuk uji beban nomor " + i, section, Edition.WEB,
                    false, now.minus(interval.multipliedBy(i)), null, i % 97 == 0, tags);
            newestFirst.add(summary);
            bySlug.put(summary.slug(), summary);
        }
    }

    /** Newest first. */
    List<ArticleSummary> articles() {
        return newestFirst;
    }

    @Override
    public List<ArticleSummary> publishedSince(Instant since, int limit) {
        return newestFirst.stream().filter(s -> !s.publishedAt().isBefore(since)).limit(limit).toList();
    }

    @Override
    public List<ArticleSummary> findSummaries(Collection<String> slugs) {
        return slugs.stream().distinct().map(bySlug::get).filter(s -> s != null).toList();
    }

    @Override
    public Optional<Article> findArticle(String slug) {
        throw new UnsupportedOperationException("The benchmark serves only the builder's reads");
    }

    @Override
    public Page<ArticleSummary> listArticles(ArticleFilter filter, int limit, Optional<String> cursor) {
        throw new UnsupportedOperationException("The benchmark serves only the builder's reads");
    }

    @Override
    public List<Video> latestVideos(int limit) {
        throw new UnsupportedOperationException("The benchmark serves only the builder's reads");
    }

    @Override
    public List<ArticleSummary> editorsPicks() {
        throw new UnsupportedOperationException("The benchmark serves only the builder's reads");
    }

    static Comparator<ArticleSummary> newestFirst() {
        return Comparator.comparing(ArticleSummary::publishedAt).reversed();
    }
}
