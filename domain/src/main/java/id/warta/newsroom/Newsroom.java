package id.warta.newsroom;

import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;
import id.warta.content.EditorsPick;
import id.warta.content.Publishable;
import id.warta.content.Slugs;
import id.warta.content.Video;
import id.warta.errors.ArticleNotFound;
import id.warta.errors.DomainException;
import id.warta.errors.FieldProblems;
import id.warta.errors.PreconditionFailed;
import id.warta.errors.VideoNotFound;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The rules of publishing: what a valid article or video is, which publication time it keeps, when a write
 * may replace what is stored (If-Match), and what editors may pick. The one way content is written
 * (the newsroom routes, bin/import through them, and the local seed).
 */
public final class Newsroom {
    /** Writes that lost a race without If-Match are re-based on the newer version this often before giving up. */
    static final int ATTEMPTS = 3;
    public static final int MAX_EDITORS_PICKS = 10;

    private final NewsroomStore store;
    private final ContentRepository content;
    private final Clock clock;

    public Newsroom(NewsroomStore store, ContentRepository content, Clock clock) {
        this.store = store;
        this.content = content;
        this.clock = clock;
    }

    public enum Outcome { CREATED, REPLACED, UNCHANGED }

    public record Published<T extends Publishable>(Stored<T> stored, Outcome outcome) {
    }

    /**
     * Creates or replaces the article. A replacement keeps the first publication time once the
     * article was published; until then (scheduled) {@code publishAt} moves it. Replacing it with
     * what is stored writes nothing.
     *
     * @param ifMatch the version the caller based its change on: any other stored version refuses the write
     * @throws id.warta.errors.ValidationFailed naming every invalid field
     * @throws PreconditionFailed when {@code ifMatch} is not the stored version (nothing changed)
     */
    public Published<Article> publish(String slug, ArticleDraft draft, OptionalLong ifMatch) {
        refuseInvalid(draft, slug);
        EditorsPick pick = draft.editorsPick() == null ? null : editorsPick(draft.editorsPick());
        return write(store.articles(), slug, ifMatch, (live, now, updatedAt) -> article(slug, draft, pick, live, now, updatedAt));
    }

    /** Creates or replaces the video, by the same rules as {@link #publish an article}. */
    public Published<Video> publishVideo(String id, VideoDraft draft, OptionalLong ifMatch) {
        refuseInvalid(draft, id);
        return write(store.videos(), id, ifMatch, (live, now, updatedAt) -> new Video(id, draft.title(), draft.summary(),
                firstPublication(live, draft.publishAt(), now), draft.thumbnail(), draft.videoUrl(),
                draft.durationSeconds()));
    }

    /**
     * Takes the article away from readers at once (scheduled ones too).
     *
     * @throws ArticleNotFound when the slug has no published or scheduled article
     */
    public void unpublish(String slug) {
        unpublish(store.articles(), slug, ArticleNotFound::new);
    }

    /**
     * Takes the video away from readers at once (scheduled ones too).
     *
     * @throws VideoNotFound when the id has no published or scheduled video
     */
    public void unpublishVideo(String id) {
        unpublish(store.videos(), id, VideoNotFound::new);
    }

    /** @throws id.warta.errors.ValidationFailed naming every field of the draft that breaks a rule */
    private static void refuseInvalid(Draft draft, String key) {
        FieldProblems problems = new FieldProblems();
        draft.validate(key, problems);
        problems.throwIfAny();
    }

    /** What a write stores, from what readers see now (if anything) and when it is written. */
    private interface Composer<T> {
        /** @param updatedAt the replacement time to carry, if the content carries it */
        T compose(Optional<T> live, Instant now, Instant updatedAt);
    }

    /**
     * The versioned write of every kind: If-Match checked against the stored version, the same content
     * again written nothing, and a write that lost a race without If-Match re-based on the newer version.
     */
    private <T extends Publishable> Published<T> write(Shelf<T> shelf, String key, OptionalLong ifMatch,
                                                       Composer<T> composer) {
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Optional<Stored<T>> current = shelf.current(key);
            if (ifMatch.isPresent() && current.map(c -> c.version() != ifMatch.getAsLong()).orElse(true)) {
                throw new PreconditionFailed();
            }
            Optional<Stored<T>> live = current.filter(c -> !c.unpublished());
            Optional<T> liveContent = live.map(Stored::content);
            if (live.isPresent() && live.get().content().equals(composer.compose(liveContent, now, live.get().updatedAt()))) {
                return new Published<>(live.get(), Outcome.UNCHANGED);
            }
            Instant updatedAt = live.isPresent() ? now : null;
            Stored<T> next = new Stored<>(composer.compose(liveContent, now, updatedAt),
                    current.map(c -> c.version() + 1).orElse(1L), updatedAt);
            OptionalLong expected = current.map(c -> OptionalLong.of(c.version())).orElse(OptionalLong.empty());
            if (shelf.put(key, next, expected)) {
                return new Published<>(next, live.isPresent() ? Outcome.REPLACED : Outcome.CREATED);
            }
            if (ifMatch.isPresent() || attempt == ATTEMPTS) {
                throw new PreconditionFailed();
            }
        }
    }

    private <T extends Publishable> void unpublish(Shelf<T> shelf, String key, Supplier<DomainException> notFound) {
        for (int attempt = 1; ; attempt++) {
            Stored<T> current = Optional.of(key).filter(Slugs::isValid).flatMap(shelf::current)
                    .filter(c -> !c.unpublished()).orElseThrow(notFound);
            if (shelf.unpublish(key, current.version(), clock.instant())) {
                return;
            }
            if (attempt == ATTEMPTS) {
                throw new PreconditionFailed();
            }
        }
    }

    /**
     * Replaces the "Pilihan Editor" list: 1..10 distinct slugs, each of an article readers can see now.
     *
     * @return the picked articles, in the given order
     */
    public List<ArticleSummary> setEditorsPicks(List<String> slugs) {
        FieldProblems problems = new FieldProblems();
        if (slugs == null || slugs.isEmpty() || slugs.size() > MAX_EDITORS_PICKS) {
            problems.add("slugs", "1.." + MAX_EDITORS_PICKS + " slug artikel");
            problems.throwIfAny();
        }
        if (new LinkedHashSet<>(slugs).size() != slugs.size()) {
            problems.add("slugs", "setiap artikel hanya sekali");
        }
        Map<String, ArticleSummary> found = slugs.stream().allMatch(Slugs::isValid)
                ? content.findSummaries(slugs).stream().collect(Collectors.toMap(ArticleSummary::slug, Function.identity()))
                : Map.of();
        for (int i = 0; i < slugs.size(); i++) {
            if (!found.containsKey(slugs.get(i))) {
                problems.add("slugs[" + i + "]", "bukan artikel yang sudah terbit");
            }
        }
        problems.throwIfAny();
        store.saveEditorsPicks(slugs);
        return slugs.stream().map(found::get).toList();
    }

    private EditorsPick editorsPick(String slug) {
        return content.findSummaries(List.of(slug)).stream().findFirst()
                .map(s -> new EditorsPick(s.slug(), s.title()))
                .orElseGet(() -> {
                    FieldProblems problems = new FieldProblems();
                    problems.add("editorsPick", "bukan artikel yang sudah terbit");
                    problems.throwIfAny();
                    return null;
                });
    }

    private static Article article(String slug, ArticleDraft d, EditorsPick pick, Optional<Article> live, Instant now,
                                   Instant updatedAt) {
        String id = live.map(a -> a.summary().id()).orElseGet(() -> UUID.randomUUID().toString());
        ArticleSummary summary = new ArticleSummary(id, slug, d.title(), d.summary(), d.section(),
                d.knownEdition().orElseThrow(), d.coverStory(), firstPublication(live, d.publishAt(), now), d.image(),
                d.sponsored(), d.tags());
        return new Article(summary, d.reporter(), d.editor(), d.sources(), pick, d.body(), updatedAt);
    }

    /**
     * When readers first see it: the live one's publication time once that has passed (a correction
     * keeps it), else {@code publishAt} (a scheduled one moves), else now.
     */
    private static Instant firstPublication(Optional<? extends Publishable> live, Instant publishAt, Instant now) {
        return live.map(Publishable::publishedAt).filter(at -> !at.isAfter(now))
                .orElseGet(() -> publishAt == null ? now : publishAt.truncatedTo(ChronoUnit.SECONDS));
    }
}
