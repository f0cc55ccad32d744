package id.warta.newsroom;

import id.warta.content.Image;
import id.warta.content.Slugs;
import id.warta.errors.FieldProblems;

import java.time.Instant;

/**
 * A "Video Pilihan" item as the newsroom sends it (the body of {@code PUT /admin/videos/{id}}).
 * Fields that were missing or of the wrong type are null here; {@link #validate} names what each must be.
 *
 * @param publishAt when readers may first see it; null for now
 */
public record VideoDraft(String title, String summary, Image thumbnail, String videoUrl, Integer durationSeconds,
                         Instant publishAt) implements Draft {
    /** Twelve hours: longer than any news video, short enough to catch a value in milliseconds. */
    static final int MAX_DURATION_SECONDS = 12 * 60 * 60;

    /** Adds a problem for every field that breaks a rule (the id is checked as the field {@code id}). */
    @Override
    public void validate(String id, FieldProblems problems) {
        if (!Slugs.isPublishable(id)) {
            problems.add("id", "1.." + Slugs.MAX_PUBLISHED_LENGTH + " karakter a-z, 0-9 dan tanda hubung di antara kata");
        }
        ArticleDraft.text(problems, "title", title, ArticleDraft.MAX_TITLE);
        ArticleDraft.text(problems, "summary", summary, ArticleDraft.MAX_SUMMARY);
        if (thumbnail == null) {
            problems.add("thumbnail", "objek {url, caption, credit}");
        } else {
            ArticleDraft.image(problems, "thumbnail", thumbnail);
        }
        ArticleDraft.url(problems, "videoUrl", videoUrl);
        if (durationSeconds == null || durationSeconds < 1 || durationSeconds > MAX_DURATION_SECONDS) {
            problems.add("durationSeconds", "bilangan bulat 1.." + MAX_DURATION_SECONDS + " (detik)");
        }
    }
}
