package id.warta.newsroom;

import id.warta.content.Article;
import id.warta.content.ArticleFilter;
import id.warta.content.Image;
import id.warta.content.Video;
import id.warta.errors.ArticleNotFound;
import id.warta.errors.PreconditionFailed;
import id.warta.errors.ValidationFailed;
import id.warta.errors.VideoNotFound;
import id.warta.testing.InMemoryContentRepository;
import id.warta.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NewsroomTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryContentRepository content = new InMemoryContentRepository(clock);
    private final Newsroom newsroom = new Newsroom(content, content, clock);

    static ArticleDraft draft(String title, Instant publishAt) {
        return new ArticleDraft(title, "Ringkasan berita.", "nasional", "web", false, false, "Rina", "Dimas",
                List.of("ANTARA"), List.of("banjir"), new Image("https://cdn.warta.example/a.jpg", "Keterangan", "Warta"),
                List.of("Paragraf satu.", "Paragraf dua."), publishAt, null);
    }

    @Test
    void everyInvalidFieldIsNamedInOneRefusal() {
        ArticleDraft bad = new ArticleDraft("", null, "Nasional Raya", "tv", true, null, "Rina", "x".repeat(101),
                null, List.of(""), new Image("ftp://x", "", "Warta"), List.of(), null, "Slug_Salah");

        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class,
                () -> newsroom.publish("Bukan Slug", bad, OptionalLong.empty()));

        assertThat(refused.fields()).containsOnlyKeys("slug", "title", "summary", "section", "edition", "sponsored",
                "editor", "sources", "tags", "image.url", "image.caption", "body", "editorsPick");
    }

    @Test
    void aCoverStoryIsRefusedInTheWebEdition() {
        ArticleDraft d = draft("Laput", null);
        ArticleDraft web = new ArticleDraft(d.title(), d.summary(), d.section(), "web", true, false, d.reporter(), d.editor(),
                d.sources(), d.tags(), d.image(), d.body(), null, null);

        assertThat(catchThrowableOfType(ValidationFailed.class, () -> newsroom.publish("laput", web, OptionalLong.empty()))
                .fields()).containsOnlyKeys("coverStory");
    }

    @Test
    void aReplacementKeepsTheFirstPublicationTimeAndShowsWhenItWasUpdated() {
        Newsroom.Published<Article> first = newsroom.publish("banjir", draft("Banjir", null), OptionalLong.empty());
        clock.advance(Duration.ofMinutes(30));

        Newsroom.Published<Article> second = newsroom.publish("banjir", draft("Banjir meluas", NOW.plus(Duration.ofDays(3))),
                OptionalLong.of(first.stored().version()));

        assertThat(first.outcome()).isEqualTo(Newsroom.Outcome.CREATED);
        assertThat(second.outcome()).isEqualTo(Newsroom.Outcome.REPLACED);
        assertThat(second.stored().content().summary().publishedAt()).isEqualTo(NOW);
        assertThat(second.stored().updatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(second.stored().version()).isEqualTo(first.stored().version() + 1);
        assertThat(content.findArticle("banjir").orElseThrow().summary().title()).isEqualTo("Banjir meluas");
    }

    @Test
    void aStaleIfMatchChangesNothing() {
        long version = newsroom.publish("banjir", draft("Banjir", null), OptionalLong.empty()).stored().version();
        newsroom.publish("banjir", draft("Banjir meluas", null), OptionalLong.of(version));

        assertThatThrownBy(() -> newsroom.publish("banjir", draft("Banjir surut", null), OptionalLong.of(version)))
                .isInstanceOf(PreconditionFailed.class);
        assertThatThrownBy(() -> newsroom.publish("baru", draft("Baru", null), OptionalLong.of(1)))
                .isInstanceOf(PreconditionFailed.class);
        assertThat(content.findArticle("banjir").orElseThrow().summary().title()).isEqualTo("Banjir meluas");
        assertThat(content.articles().current("baru")).isEmpty();
    }

    @Test
    void sendingWhatIsStoredAgainWritesNothing() {
        Newsroom.Published<Article> first = newsroom.publish("banjir", draft("Banjir", null), OptionalLong.empty());
        clock.advance(Duration.ofHours(1));

        Newsroom.Published<Article> again = newsroom.publish("banjir", draft("Banjir", null), OptionalLong.empty());

        assertThat(again.outcome()).isEqualTo(Newsroom.Outcome.UNCHANGED);
        assertThat(again.stored()).isEqualTo(first.stored());
    }

    @Test
    void aScheduledArticleIsInvisibleUntilItsMomentAndThenAppearsWithNoFurtherCall() {
        Instant at = NOW.plus(Duration.ofHours(2));
        Newsroom.Published<Article> scheduled = newsroom.publish("pengumuman", draft("Pengumuman", at), OptionalLong.empty());

        assertThat(scheduled.stored().status(clock.instant())).isEqualTo(Stored.Status.SCHEDULED);
        assertThat(content.findArticle("pengumuman")).isEmpty();
        assertThat(content.listArticles(ArticleFilter.ALL, 10, Optional.empty()).items()).isEmpty();
        assertThat(content.findSummaries(List.of("pengumuman"))).isEmpty();

        clock.set(at);

        assertThat(content.findArticle("pengumuman")).isPresent();
        assertThat(content.listArticles(ArticleFilter.ALL, 10, Optional.empty()).items()).hasSize(1);
    }

    @Test
    void anUnpublishedArticleIsGoneForReadersAndASecondUnpublishIsNotFound() {
        long version = newsroom.publish("banjir", draft("Banjir", null), OptionalLong.empty()).stored().version();

        newsroom.unpublish("banjir");

        assertThat(content.findArticle("banjir")).isEmpty();
        assertThat(content.listArticles(ArticleFilter.ALL, 10, Optional.empty()).items()).isEmpty();
        assertThatThrownBy(() -> newsroom.unpublish("banjir")).isInstanceOf(ArticleNotFound.class);
        assertThatThrownBy(() -> newsroom.publish("banjir", draft("Banjir", null), OptionalLong.of(version)))
                .as("an If-Match from before the unpublication never matches again").isInstanceOf(PreconditionFailed.class);
    }

    @Test
    void editorsPicksMustBeDistinctArticlesReadersCanSee() {
        newsroom.publish("satu", draft("Satu", null), OptionalLong.empty());
        newsroom.publish("nanti", draft("Nanti", NOW.plus(Duration.ofDays(1))), OptionalLong.empty());

        assertThat(catchThrowableOfType(ValidationFailed.class,
                () -> newsroom.setEditorsPicks(List.of("satu", "nanti", "tidak-ada"))).fields())
                .containsOnlyKeys("slugs[1]", "slugs[2]");
        assertThat(catchThrowableOfType(ValidationFailed.class,
                () -> newsroom.setEditorsPicks(List.of("satu", "satu"))).fields()).containsOnlyKeys("slugs");
        assertThat(catchThrowableOfType(ValidationFailed.class,
                () -> newsroom.setEditorsPicks(List.of())).fields()).containsOnlyKeys("slugs");

        assertThat(newsroom.setEditorsPicks(List.of("satu"))).extracting(s -> s.slug()).containsExactly("satu");
        assertThat(content.editorsPicks()).extracting(s -> s.slug()).containsExactly("satu");
    }

    @Test
    void anArticlesPickCarriesThePickedTitleAndMustBePublished() {
        newsroom.publish("satu", draft("Satu", null), OptionalLong.empty());
        ArticleDraft d = draft("Dua", null);
        ArticleDraft picking = new ArticleDraft(d.title(), d.summary(), d.section(), d.edition(), false, false,
                d.reporter(), d.editor(), d.sources(), d.tags(), d.image(), d.body(), null, "satu");
        ArticleDraft pickingUnknown = new ArticleDraft(d.title(), d.summary(), d.section(), d.edition(), false, false,
                d.reporter(), d.editor(), d.sources(), d.tags(), d.image(), d.body(), null, "tidak-ada");

        assertThat(newsroom.publish("dua", picking, OptionalLong.empty()).stored().content().editorsPick().title())
                .isEqualTo("Satu");
        assertThat(catchThrowableOfType(ValidationFailed.class,
                () -> newsroom.publish("tiga", pickingUnknown, OptionalLong.empty())).fields()).containsOnlyKeys("editorsPick");
    }

    static VideoDraft video(String title, Instant publishAt) {
        return new VideoDraft(title, "Ringkasan video.", new Image("https://cdn.warta.example/v.jpg", "Cuplikan", "Warta TV"),
                "https://video.warta.example/v.m3u8", 185, publishAt);
    }

    @Test
    void aCorrectedArticleCarriesItsUpdateTimeToReaders() {
        newsroom.publish("banjir", draft("Banjir", null), OptionalLong.empty());
        clock.advance(Duration.ofMinutes(30));

        newsroom.publish("banjir", draft("Banjir meluas", null), OptionalLong.empty());

        Article read = content.findArticle("banjir").orElseThrow();
        assertThat(read.updatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(read.modifiedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(read.publishedAt()).isEqualTo(NOW);
    }

    @Test
    void everyInvalidVideoFieldIsNamedInOneRefusal() {
        VideoDraft bad = new VideoDraft(" ", null, new Image("javascript:alert(1)", "", "Warta"), "ftp://x", 0, null);

        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class,
                () -> newsroom.publishVideo("Vid 1", bad, OptionalLong.empty()));

        assertThat(refused.fields()).containsOnlyKeys("id", "title", "summary", "thumbnail.url", "thumbnail.caption",
                "videoUrl", "durationSeconds");
        assertThat(catchThrowableOfType(ValidationFailed.class, () -> newsroom.publishVideo("vid-1",
                new VideoDraft("Judul", "Ringkas", null, "https://video.warta.example/v.m3u8", null, null),
                OptionalLong.empty())).fields()).containsOnlyKeys("thumbnail", "durationSeconds");
    }

    @Test
    void aVideoIsVersionedScheduledAndUnpublishedLikeAnArticle() {
        Instant at = NOW.plus(Duration.ofHours(1));
        Newsroom.Published<Video> scheduled = newsroom.publishVideo("vid-1", video("Banjir", at), OptionalLong.empty());

        assertThat(scheduled.outcome()).isEqualTo(Newsroom.Outcome.CREATED);
        assertThat(scheduled.stored().status(NOW)).isEqualTo(Stored.Status.SCHEDULED);
        assertThat(content.latestVideos(5)).isEmpty();
        clock.set(at);
        assertThat(content.latestVideos(5)).extracting(Video::id).containsExactly("vid-1");

        assertThat(newsroom.publishVideo("vid-1", video("Banjir", at), OptionalLong.empty()).outcome())
                .isEqualTo(Newsroom.Outcome.UNCHANGED);
        Newsroom.Published<Video> corrected = newsroom.publishVideo("vid-1", video("Banjir surut", NOW),
                OptionalLong.of(scheduled.stored().version()));
        assertThat(corrected.outcome()).isEqualTo(Newsroom.Outcome.REPLACED);
        assertThat(corrected.stored().content().publishedAt()).as("kept from the first publication").isEqualTo(at);
        assertThat(corrected.stored().updatedAt()).isEqualTo(at);
        assertThatThrownBy(() -> newsroom.publishVideo("vid-1", video("Basi", null), OptionalLong.of(1)))
                .isInstanceOf(PreconditionFailed.class);

        newsroom.unpublishVideo("vid-1");

        assertThat(content.latestVideos(5)).isEmpty();
        assertThatThrownBy(() -> newsroom.unpublishVideo("vid-1")).isInstanceOf(VideoNotFound.class);
        assertThatThrownBy(() -> newsroom.unpublishVideo("Bukan Id")).isInstanceOf(VideoNotFound.class);
    }
}
