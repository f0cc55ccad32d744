package id.warta.content;

import java.time.Instant;
import java.util.List;

/** What a listing shows of an article. */
public record ArticleSummary(String id, String slug, String title, String summary, String section, Edition edition,
                             boolean coverStory, Instant publishedAt, Image image, boolean sponsored, List<String> tags) {

    public ArticleSummary {
        tags = List.copyOf(tags);
        if (coverStory && edition == Edition.WEB) {
            throw new IllegalArgumentException("A cover story exists only in koran or majalah: " + slug);
        }
    }

    public AccessLevel accessLevel() {
        return AccessLevel.of(edition, coverStory);
    }
}
