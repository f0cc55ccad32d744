package id.warta.content;

import java.time.Instant;

/**
 * What readers may see: an article or video from its publication time on (a future one is
 * scheduled), and nothing that was unpublished. Every reader-facing read applies this rule, so a
 * scheduled piece appears at its moment with no job having run.
 */
public final class Visibility {
    private Visibility() {
    }

    public static boolean visibleAt(Instant publishedAt, boolean unpublished, Instant now) {
        return !unpublished && !publishedAt.isAfter(now);
    }
}
