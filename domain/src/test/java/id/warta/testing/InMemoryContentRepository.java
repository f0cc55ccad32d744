package id.warta.testing;

import id.warta.content.Article;
import id.warta.content.ArticleFilter;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;
import id.warta.content.InvalidCursorException;
import id.warta.content.Page;
import id.warta.content.Video;
import id.warta.newsroom.NewsroomStore;
import id.warta.newsroom.Shelf;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake for unit tests: the content table in memory, with the same contract as the DynamoDB
 * repository (readers see only what is visible at the clock's time) and the newsroom's store.
 * Without a clock everything stored is visible.
 */
public final class InMemoryContentRepository implements ContentRepository, NewsroomStore {
    private final InMemoryShelf<Article> articles = new InMemoryShelf<>();
    private final InMemoryShelf<Video> videos = new InMemoryShelf<>();
    private final List<String> editorsPicks = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public InMemoryContentRepository(Clock clock) {
        this.clock = clock;
    }

    public InMemoryContentRepository() {
        this(Clock.fixed(Instant.MAX, ZoneOffset.UTC));
    }

    /** Stores the article as published, bypassing the newsroom's rules (for reader-side tests). */
    public void save(Article article) {
        articles.save(article.slug(), article);
    }

    /** Stores the video as published, bypassing the newsroom's rules (for reader-side tests). */
    public void save(Video video) {
        videos.save(video.id(), video);
    }

    @Override
    public Optional<Article> findArticle(String slug) {
        return articles.visible(slug, clock.instant());
    }

    @Override
    public Page<ArticleSummary> listArticles(ArticleFilter filter, int limit, Optional<String> cursor) {
        List<ArticleSummary> all = newestFirst().stream()
                .filter(s -> filter.section().map(s.section()::equals).orElse(true))
                .filter(s -> filter.edition().map(e -> e == s.edition()).orElse(true))
                .toList();
        int from = 0;
        if (cursor.isPresent()) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).slug().equals(cursor.get())) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw new InvalidCursorException();
            }
        }
        List<ArticleSummary> page = all.subList(from, Math.min(all.size(), from + limit));
        boolean more = from + limit < all.size();
        return new Page<>(page, more ? Optional.of(page.getLast().slug()) : Optional.empty());
    }

    @Override
    public List<ArticleSummary> findSummaries(Collection<String> slugs) {
        return slugs.stream().distinct().map(this::findArticle).flatMap(Optional::stream).map(Article::summary).toList();
    }

    @Override
    public List<ArticleSummary> publishedSince(Instant since, int limit) {
        return newestFirst().stream().filter(s -> !s.publishedAt().isBefore(since)).limit(limit).toList();
    }

    @Override
    public List<Video> latestVideos(int limit) {
        return videos.visible(clock.instant())
                .sorted(Comparator.comparing(Video::publishedAt).reversed()).limit(limit).toList();
    }

    @Override
    public List<ArticleSummary> editorsPicks() {
        return editorsPicks.stream().map(this::findArticle).flatMap(Optional::stream).map(Article::summary).toList();
    }

    @Override
    public Shelf<Article> articles() {
        return articles;
    }

    @Override
    public Shelf<Video> videos() {
        return videos;
    }

    @Override
    public void saveEditorsPicks(List<String> slugs) {
        editorsPicks.clear();
        editorsPicks.addAll(slugs);
    }

    private List<ArticleSummary> newestFirst() {
        return articles.visible(clock.instant()).map(Article::summary)
                .sorted(Comparator.comparing(ArticleSummary::publishedAt).reversed()).toList();
    }
}
