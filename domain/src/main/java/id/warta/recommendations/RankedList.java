package id.warta.recommendations;

import id.warta.content.ArticleSummary;

import java.util.List;

/**
 * One precomputed list, stored as one item: the related articles of {@code subject} (a slug), or
 * the trending articles of {@code subject} (a section, or {@link #ALL_SECTIONS}).
 */
public record RankedList(Kind kind, String subject, List<ArticleSummary> items) {
    public static final String ALL_SECTIONS = "all";

    public enum Kind { RELATED, TRENDING }

    public RankedList {
        items = List.copyOf(items);
    }

    public static RankedList related(String slug, List<ArticleSummary> items) {
        return new RankedList(Kind.RELATED, slug, items);
    }

    public static RankedList trending(String section, List<ArticleSummary> items) {
        return new RankedList(Kind.TRENDING, section, items);
    }
}
