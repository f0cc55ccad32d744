package id.warta.content;

import java.time.Instant;
import java.util.List;

/**
 * A whole article: its summary, bylines and body paragraphs.
 *
 * @param updatedAt when the newsroom last replaced it; null while it was never corrected
 */
public record Article(ArticleSummary summary, String reporter, String editor, List<String> sources,
                      EditorsPick editorsPick, List<String> body, Instant updatedAt) implements Publishable {

    /** Paragraphs a reader without access still sees. */
    public static final int TEASER_PARAGRAPHS = 2;

    public Article {
        sources = List.copyOf(sources);
        body = List.copyOf(body);
    }

    /** An article as first published (never replaced). */
    public Article(ArticleSummary summary, String reporter, String editor, List<String> sources,
                   EditorsPick editorsPick, List<String> body) {
        this(summary, reporter, editor, sources, editorsPick, body, null);
    }

    public String slug() {
        return summary.slug();
    }

    @Override
    public Instant publishedAt() {
        return summary.publishedAt();
    }

    /** When readers last saw it change: its last correction, else its publication. */
    public Instant modifiedAt() {
        return updatedAt == null ? summary.publishedAt() : updatedAt;
    }

    public List<String> teaser() {
        return body.subList(0, Math.min(TEASER_PARAGRAPHS, body.size()));
    }
}
