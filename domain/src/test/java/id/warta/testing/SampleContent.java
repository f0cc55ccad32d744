package id.warta.testing;

import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import id.warta.content.Edition;
import id.warta.content.EditorsPick;
import id.warta.content.Image;
import id.warta.content.Video;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small hand-made content for unit tests (the seeded sample set is for integration tests and bin/dev). */
public final class SampleContent {
    private SampleContent() {
    }

    public static Article article(String slug, String section, Edition edition, boolean coverStory, Instant publishedAt,
                                  String... tags) {
        ArticleSummary summary = new ArticleSummary("id-" + slug, slug, "Judul " + slug, "Ringkasan " + slug, section,
                edition, coverStory, publishedAt,
                new Image("https://img.warta.example/" + slug + ".jpg", "Keterangan foto", "Warta/Fotografer"),
                false, List.of(tags));
        return new Article(summary, "Reporter Uji", "Editor Uji", List.of("ANTARA"),
                new EditorsPick("pilihan-editor", "Pilihan editor"),
                List.of("Paragraf satu.", "Paragraf dua.", "Paragraf tiga.", "Paragraf empat."));
    }

    public static Video video(String id, Instant publishedAt) {
        return new Video(id, "Video " + id, "Ringkasan video", publishedAt,
                new Image("https://img.warta.example/" + id + ".jpg", "Cuplikan", "Warta TV"),
                "https://video.warta.example/" + id + ".m3u8", 120);
    }

    public static Instant minutesBefore(Instant now, long minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }
}
