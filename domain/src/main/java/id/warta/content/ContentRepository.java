package id.warta.content;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Articles and videos. Reads are single DynamoDB calls; writes come from seeding or an editorial import. */
public interface ContentRepository {

    Optional<Article> findArticle(String slug);

    /** Newest first. @throws InvalidCursorException for a cursor this repository did not issue. */
    Page<ArticleSummary> listArticles(ArticleFilter filter, int limit, Optional<String> cursor);

    /** Summaries of the given articles in no particular order; unknown slugs are left out. */
    List<ArticleSummary> findSummaries(Collection<String> slugs);

    /** Newest first, at most {@code limit}, published at or after {@code since}. */
    List<ArticleSummary> publishedSince(Instant since, int limit);

    List<Video> latestVideos(int limit);

    void save(Article article);

    void save(Video video);
}
