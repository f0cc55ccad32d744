package id.warta.content;

import java.util.Optional;

/** Which feed to list: everything, one section, one edition, or both. */
public record ArticleFilter(Optional<String> section, Optional<Edition> edition) {
    public static final ArticleFilter ALL = new ArticleFilter(Optional.empty(), Optional.empty());
}
