package id.warta.content;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Articles and videos as readers see them: every read leaves out what is scheduled for later or was
 * unpublished ({@link Visibility}). Reads are single DynamoDB calls; articles and videos are written only
 * by the newsroom ({@code id.warta.newsroom.Newsroom}).
 */
public interface ContentRepository {

    Optional<Article> findArticle(String slug);

    /** Newest first. @throws InvalidCursorException for a cursor this repository did not issue. */
    Page<ArticleSummary> listArticles(ArticleFilter filter, int limit, Optional<String> cursor);

    /** Summaries of the given articles in no particular order; unknown and invisible slugs are left out. */
    List<ArticleSummary> findSummaries(Collection<String> slugs);

    /** Newest first, at most {@code limit}, published at or after {@code since}. */
    List<ArticleSummary> publishedSince(Instant since, int limit);

    List<Video> latestVideos(int limit);

    /** The "Pilihan Editor" list in the editors' order, without articles readers cannot see (any more). */
    List<ArticleSummary> editorsPicks();
}
