package id.warta.newsroom;

import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;
import id.warta.content.EditorsPick;
import id.warta.content.Slugs;
import id.warta.errors.ArticleNotFound;
import id.warta.errors.FieldProblems;
import id.warta.errors.PreconditionFailed;

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
import java.util.stream.Collectors;

/**
 * The rules of publishing: what a valid article is, which publication time it keeps, when a write
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

    public record Published(StoredArticle stored, Outcome outcome) {
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
    public Published publish(String slug, ArticleDraft draft, OptionalLong ifMatch) {
        FieldProblems problems = new FieldProblems();
        draft.validate(slug, problems);
        problems.throwIfAny();
        EditorsPick pick = draft.editorsPick() == null ? null : editorsPick(draft.editorsPick());
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Optional<StoredArticle> current = store.current(slug);
            if (ifMatch.isPresent() && current.map(c -> c.version() != ifMatch.getAsLong()).orElse(true)) {
                throw new PreconditionFailed();
            }
            Optional<StoredArticle> live = current.filter(c -> !c.unpublished());
            Article article = article(slug, draft, pick, live.map(StoredArticle::article), now);
            if (live.isPresent() && live.get().article().equals(article)) {
                return new Published(live.get(), Outcome.UNCHANGED);
            }
            StoredArticle next = new StoredArticle(article, current.map(c -> c.version() + 1).orElse(1L),
                    live.isPresent() ? now : null);
            OptionalLong expected = current.map(c -> OptionalLong.of(c.version())).orElse(OptionalLong.empty());
            if (store.put(next, expected)) {
                return new Published(next, live.isPresent() ? Outcome.REPLACED : Outcome.CREATED);
            }
            if (ifMatch.isPresent() || attempt == ATTEMPTS) {
                throw new PreconditionFailed();
            }
        }
    }

    /**
     * Takes the article away from readers at once (scheduled ones too).
     *
     * @throws ArticleNotFound when the slug has no published or scheduled article
     */
    public void unpublish(String slug) {
        for (int attempt = 1; ; attempt++) {
            StoredArticle current = Optional.of(slug).filter(Slugs::isValid).flatMap(store::current)
                    .filter(c -> !c.unpublished()).orElseThrow(ArticleNotFound::new);
            if (store.unpublish(slug, current.version(), clock.instant())) {
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

    private static Article article(String slug, ArticleDraft d, EditorsPick pick, Optional<Article> live, Instant now) {
        Instant publishedAt = live.map(a -> a.summary().publishedAt()).filter(at -> !at.isAfter(now))
                .orElseGet(() -> d.publishAt() == null ? now : d.publishAt().truncatedTo(ChronoUnit.SECONDS));
        String id = live.map(a -> a.summary().id()).orElseGet(() -> UUID.randomUUID().toString());
        ArticleSummary summary = new ArticleSummary(id, slug, d.title(), d.summary(), d.section(),
                d.knownEdition().orElseThrow(), d.coverStory(), publishedAt, d.image(), d.sponsored(), d.tags());
        return new Article(summary, d.reporter(), d.editor(), d.sources(), pick, d.body());
    }
}
