package id.warta.newsroom;

import id.warta.content.Publishable;
import id.warta.content.Visibility;

import java.time.Instant;

/**
 * An article or video as the newsroom keeps it: the content (null once unpublished: the record stays,
 * so that its version keeps counting and a stale If-Match can never match again), its version and
 * when it was last replaced (null before the first replacement).
 */
public record Stored<T extends Publishable>(T content, long version, Instant updatedAt) {

    public boolean unpublished() {
        return content == null;
    }

    /** PUBLISHED or SCHEDULED; only for a stored piece that is not unpublished. */
    public Status status(Instant now) {
        return Visibility.visibleAt(content.publishedAt(), false, now) ? Status.PUBLISHED : Status.SCHEDULED;
    }

    public enum Status { PUBLISHED, SCHEDULED }
}
