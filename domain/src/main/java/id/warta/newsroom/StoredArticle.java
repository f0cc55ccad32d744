package id.warta.newsroom;

import id.warta.content.Article;
import id.warta.content.Visibility;

import java.time.Instant;

/**
 * An article as the newsroom keeps it: the article (null once unpublished: the slug's record stays,
 * so that its version keeps counting and a stale If-Match can never match again), its version and
 * when it was last replaced (null before the first replacement).
 */
public record StoredArticle(Article article, long version, Instant updatedAt) {

    public boolean unpublished() {
        return article == null;
    }

    /** PUBLISHED or SCHEDULED; only for a stored article that is not unpublished. */
    public Status status(Instant now) {
        return Visibility.visibleAt(article.summary().publishedAt(), false, now) ? Status.PUBLISHED : Status.SCHEDULED;
    }

    public enum Status { PUBLISHED, SCHEDULED }
}
