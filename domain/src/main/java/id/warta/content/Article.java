package id.warta.content;

import java.util.List;

/** A whole article: its summary, bylines and body paragraphs. */
public record Article(ArticleSummary summary, String reporter, String editor, List<String> sources,
                      EditorsPick editorsPick, List<String> body) {

    /** Paragraphs a reader without access still sees. */
    public static final int TEASER_PARAGRAPHS = 2;

    public Article {
        sources = List.copyOf(sources);
        body = List.copyOf(body);
    }

    public String slug() {
        return summary.slug();
    }

    public List<String> teaser() {
        return body.subList(0, Math.min(TEASER_PARAGRAPHS, body.size()));
    }
}
