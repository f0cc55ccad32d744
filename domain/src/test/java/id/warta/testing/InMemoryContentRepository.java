package id.warta.testing;

import id.warta.content.Article;
import id.warta.content.ArticleFilter;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;
import id.warta.content.InvalidCursorException;
import id.warta.content.Page;
import id.warta.content.Video;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake for unit tests: the same contract as the DynamoDB repository, in memory. */
public final class InMemoryContentRepository implements ContentRepository {
    private final Map<String, Article> articles = new ConcurrentHashMap<>();
    private final Map<String, Video> videos = new ConcurrentHashMap<>();

    @Override
    public Optional<Article> findArticle(String slug) {
        return Optional.ofNullable(articles.get(slug));
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
        return slugs.stream().distinct().map(articles::get).filter(a -> a != null).map(Article::summary).toList();
    }

    @Override
    public List<ArticleSummary> publishedSince(Instant since, int limit) {
        return newestFirst().stream().filter(s -> !s.publishedAt().isBefore(since)).limit(limit).toList();
    }

    @Override
    public List<Video> latestVideos(int limit) {
        return videos.values().stream().sorted(Comparator.comparing(Video::publishedAt).reversed()).limit(limit).toList();
    }

    @Override
    public void save(Article article) {
        articles.put(article.slug(), article);
    }

    @Override
    public void save(Video video) {
        videos.put(video.id(), video);
    }

    private List<ArticleSummary> newestFirst() {
        return articles.values().stream().map(Article::summary)
                .sorted(Comparator.comparing(ArticleSummary::publishedAt).reversed()).toList();
    }
}
