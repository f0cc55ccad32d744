package id.warta.admin;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import id.warta.content.EditorsPick;
import id.warta.content.Image;
import id.warta.errors.FieldProblems;
import id.warta.errors.ValidationFailed;
import id.warta.http.ApiRequest;
import id.warta.http.ApiResponse;
import id.warta.http.CachePolicy;
import id.warta.newsroom.ArticleDraft;
import id.warta.newsroom.Newsroom;
import id.warta.newsroom.StoredArticle;
import id.warta.time.Jakarta;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The newsroom routes: parse, ask {@link Newsroom}, render what an editor sees. */
final class NewsroomRoutes {
    /** An entity tag as this API issues it: the version in quotes (a weak one is accepted alike). */
    /** The response header naming the outcome of a PUT: created, replaced or unchanged. */
    static final String OUTCOME_HEADER = "warta-outcome";
    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private final Newsroom newsroom;
    private final Clock clock;

    NewsroomRoutes(Newsroom newsroom, Clock clock) {
        this.newsroom = newsroom;
        this.clock = clock;
    }

    /** The stored article as an editor sees it. */
    record AdminArticle(String id, String slug, String title, String summary, String section, String edition,
                        boolean coverStory, boolean sponsored, String accessLevel, String reporter, String editor,
                        List<String> sources, List<String> tags, Image image, List<String> body,
                        EditorsPick editorsPick, String publishedAt, String updatedAt, long version, String status) {
    }

    record EditorsPicks(List<String> slugs) {
    }

    ApiResponse putArticle(ApiRequest request) {
        String slug = request.pathParameter("slug");
        DraftFields fields = new DraftFields(request.jsonObject(false));
        ArticleDraft draft = fields.draft();
        if (!fields.typeProblems().isEmpty()) {
            FieldProblems problems = new FieldProblems();
            draft.validate(slug, problems);
            fields.typeProblems().forEach(problems::add);
            problems.throwIfAny();
        }
        Newsroom.Published published = newsroom.publish(slug, draft, ifMatch(request));
        StoredArticle stored = published.stored();
        int status = published.outcome() == Newsroom.Outcome.CREATED ? 201 : 200;
        // What happened, for an importer that re-sends what it sent before: "unchanged" wrote nothing.
        return new ApiResponse(status, render(stored), CachePolicy.PRIVATE, Map.of(
                "etag", "\"" + stored.version() + "\"",
                OUTCOME_HEADER, published.outcome().name().toLowerCase(Locale.ROOT)));
    }

    ApiResponse unpublish(ApiRequest request) {
        newsroom.unpublish(request.slug());
        return ApiResponse.noContent();
    }

    ApiResponse editorsPicks(ApiRequest request) {
        JsonNode slugs = request.jsonObject(false).get("slugs");
        List<String> values = new ArrayList<>();
        if (slugs == null || !slugs.isArray()) {
            throw new ValidationFailed(Map.of("slugs", "daftar 1..10 slug artikel"));
        }
        for (JsonNode slug : slugs) {
            if (!slug.isTextual()) {
                throw new ValidationFailed(Map.of("slugs", "daftar 1..10 slug artikel"));
            }
            values.add(slug.asText());
        }
        List<ArticleSummary> picks = newsroom.setEditorsPicks(values);
        return ApiResponse.ok(new EditorsPicks(picks.stream().map(ArticleSummary::slug).toList()), CachePolicy.PRIVATE);
    }

    /** The version If-Match names; a header that names none can match no version (412). */
    private static OptionalLong ifMatch(ApiRequest request) {
        return request.header("if-match").map(value -> {
            Matcher tag = ETAG.matcher(value.strip());
            return OptionalLong.of(tag.matches() ? Long.parseLong(tag.group(1)) : -1);
        }).orElse(OptionalLong.empty());
    }

    private AdminArticle render(StoredArticle stored) {
        Article article = stored.article();
        ArticleSummary s = article.summary();
        return new AdminArticle(s.id(), s.slug(), s.title(), s.summary(), s.section(), s.edition().wireName(),
                s.coverStory(), s.sponsored(), s.accessLevel().name(), article.reporter(), article.editor(),
                article.sources(), s.tags(), s.image(), article.body(), article.editorsPick(),
                Jakarta.iso(s.publishedAt()), stored.updatedAt() == null ? null : Jakarta.iso(stored.updatedAt()),
                stored.version(), stored.status(clock.instant()).name());
    }
}
