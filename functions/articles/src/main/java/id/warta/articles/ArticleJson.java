package id.warta.articles;

import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import id.warta.content.EditorsPick;
import id.warta.content.Image;
import id.warta.content.Video;
import id.warta.paywall.Access;
import id.warta.time.Jakarta;
import id.warta.time.RelativeTime;

import java.time.Instant;
import java.util.List;

/** The contract's JSON shapes of content, with times rendered for the moment of the request. */
final class ArticleJson {
    private ArticleJson() {
    }

    /** A page of a listing; {@code nextCursor} is null on the last page. */
    record Listing(List<Summary> items, String nextCursor) {
    }

    /** Videos, related articles, trending: a list without pages. */
    record Items<T>(List<T> items) {
    }

    record Summary(String id, String slug, String title, String summary, String section, String edition,
                   boolean coverStory, String accessLevel, String publishedAt, String relativeTime, Image image,
                   boolean sponsored) {
    }

    record Full(String id, String slug, String title, String summary, String section, String edition,
                boolean coverStory, String accessLevel, String publishedAt, String relativeTime, Image image,
                boolean sponsored, String reporter, String editor, List<String> sources, List<String> tags,
                EditorsPick editorsPick, List<String> body, boolean truncated, Access access) {
    }

    record VideoItem(String id, String title, String summary, String publishedAt, String relativeTime,
                     Image thumbnail, String videoUrl, int durationSeconds) {
    }

    static Summary summary(ArticleSummary s, Instant now) {
        return new Summary(s.id(), s.slug(), s.title(), s.summary(), s.section(), s.edition().wireName(),
                s.coverStory(), s.accessLevel().name(), Jakarta.iso(s.publishedAt()),
                RelativeTime.of(s.publishedAt(), now), s.image(), s.sponsored());
    }

    /** The article as this reader may see it: the whole body, or only the teaser when access is not granted. */
    static Full full(Article article, Access access, Instant now) {
        ArticleSummary s = article.summary();
        List<String> body = access.granted() ? article.body() : article.teaser();
        return new Full(s.id(), s.slug(), s.title(), s.summary(), s.section(), s.edition().wireName(),
                s.coverStory(), s.accessLevel().name(), Jakarta.iso(s.publishedAt()),
                RelativeTime.of(s.publishedAt(), now), s.image(), s.sponsored(), article.reporter(), article.editor(),
                article.sources(), s.tags(), article.editorsPick(), body, !access.granted(), access);
    }

    static VideoItem video(Video v, Instant now) {
        return new VideoItem(v.id(), v.title(), v.summary(), Jakarta.iso(v.publishedAt()),
                RelativeTime.of(v.publishedAt(), now), v.thumbnail(), v.videoUrl(), v.durationSeconds());
    }
}
