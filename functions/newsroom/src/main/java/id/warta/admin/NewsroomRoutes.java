package id.warta.admin;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import id.warta.content.EditorsPick;
import id.warta.content.Image;
import id.warta.content.Publishable;
import id.warta.content.Video;
import id.warta.errors.ValidationFailed;
import id.warta.http.ApiRequest;
import id.warta.http.ApiResponse;
import id.warta.http.CachePolicy;
import id.warta.newsroom.Draft;
import id.warta.newsroom.Newsroom;
import id.warta.newsroom.Stored;
import id.warta.time.Jakarta;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The newsroom routes (articles, videos, editors' picks): parse, ask {@link Newsroom}, render what an editor sees. */
final class NewsroomRoutes {
    /** The response header naming the outcome of a PUT: created, replaced or unchanged. */
    static final String OUTCOME_HEADER = "warta-outcome";
    /** An entity tag as this API issues it: the version in quotes (a weak one is accepted alike). */
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

    /** The stored video as an editor sees it. */
    record AdminVideo(String id, String title, String summary, Image thumbnail, String videoUrl, int durationSeconds,
                      String publishedAt, String updatedAt, long version, String status) {
    }

    ApiResponse putArticle(ApiRequest request) {
        return put(request, "slug", DraftFields::article, newsroom::publish, this::renderArticle);
    }

    ApiResponse unpublish(ApiRequest request) {
        newsroom.unpublish(request.slug());
        return ApiResponse.noContent();
    }

    ApiResponse putVideo(ApiRequest request) {
        return put(request, "id", DraftFields::video, newsroom::publishVideo, this::renderVideo);
    }

    ApiResponse unpublishVideo(ApiRequest request) {
        newsroom.unpublishVideo(request.pathParameter("id"));
        return ApiResponse.noContent();
    }

    /** How one kind is published: {@link Newsroom#publish} or {@link Newsroom#publishVideo}. */
    private interface Publication<D extends Draft, T extends Publishable> {
        Newsroom.Published<T> publish(String key, D draft, OptionalLong ifMatch);
    }

    /**
     * A PUT of one kind under its key, the path parameter {@code keyParameter}: the body read into its draft (fields of
     * the wrong type refused with the rest of the draft's problems), published, rendered; 201 when
     * created, 200 when replaced or unchanged, the version as the ETag.
     */
    private <D extends Draft, T extends Publishable> ApiResponse put(ApiRequest request, String keyParameter,
                                                                    Function<DraftFields, D> read,
                                                                    Publication<D, T> publication,
                                                                    Function<Stored<T>, Object> render) {
        String key = request.pathParameter(keyParameter);
        DraftFields fields = new DraftFields(request.jsonObject(false));
        D draft = read.apply(fields);
        fields.refuseWrongTypes(problems -> draft.validate(key, problems));
        Newsroom.Published<T> published = publication.publish(key, draft, ifMatch(request));
        Stored<T> stored = published.stored();
        int status = published.outcome() == Newsroom.Outcome.CREATED ? 201 : 200;
        // What happened, for an importer that re-sends what it sent before: "unchanged" wrote nothing.
        return new ApiResponse(status, render.apply(stored), CachePolicy.PRIVATE, Map.of(
                "etag", "\"" + stored.version() + "\"",
                OUTCOME_HEADER, published.outcome().name().toLowerCase(Locale.ROOT)));
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

    private AdminArticle renderArticle(Stored<Article> stored) {
        Article article = stored.content();
        ArticleSummary s = article.summary();
        return new AdminArticle(s.id(), s.slug(), s.title(), s.summary(), s.section(), s.edition().wireName(),
                s.coverStory(), s.sponsored(), s.accessLevel().name(), article.reporter(), article.editor(),
                article.sources(), s.tags(), s.image(), article.body(), article.editorsPick(),
                Jakarta.iso(s.publishedAt()), updatedAt(stored), stored.version(), status(stored));
    }

    private AdminVideo renderVideo(Stored<Video> stored) {
        Video video = stored.content();
        return new AdminVideo(video.id(), video.title(), video.summary(), video.thumbnail(), video.videoUrl(),
                video.durationSeconds(), Jakarta.iso(video.publishedAt()), updatedAt(stored), stored.version(),
                status(stored));
    }

    private static String updatedAt(Stored<?> stored) {
        return stored.updatedAt() == null ? null : Jakarta.iso(stored.updatedAt());
    }

    private String status(Stored<?> stored) {
        return stored.status(clock.instant()).name();
    }
}
