package id.warta.content;

import java.time.Instant;

/** "Video Pilihan". */
public record Video(String id, String title, String summary, Instant publishedAt, Image thumbnail, String videoUrl,
                    int durationSeconds) implements Publishable {
}
