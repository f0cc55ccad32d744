package id.warta.newsroom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The newsroom's writes to content, each one conditional single-item write that is safe to retry. */
public interface NewsroomStore {

    /** The slug's record as stored now (read strongly consistent), unpublished ones included. */
    Optional<StoredArticle> current(String slug);

    /**
     * Stores the article if the stored version is still {@code expectedVersion} (empty: if the slug
     * has no record yet).
     *
     * @return false when another write came first (nothing was changed)
     */
    boolean put(StoredArticle article, OptionalLong expectedVersion);

    /** Unpublishes the slug's article if its version is still {@code expectedVersion}; false otherwise. */
    boolean unpublish(String slug, long expectedVersion, Instant at);

    /** Replaces the ordered "Pilihan Editor" list. */
    void saveEditorsPicks(List<String> slugs);
}
