package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;
import id.warta.content.Edition;
import id.warta.content.EditorsPick;
import id.warta.content.Image;
import id.warta.content.Video;
import id.warta.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Loads the sample content (seed/content.json, written for this project) with publication times
 * relative to now, so "baru saja", "5 menit lalu" and older dates all show up. Seeding again (into
 * tables that kept their data) rewrites the content but keeps every stored article's and video's
 * publication time, so that lists, trending and "5 menit lalu" do not jump at each start.
 */
public final class Seeder {
    public static final String RESOURCE = "seed/content.json";
    /** The logical id of the content table in template.yaml (local table names are logical ids). */
    public static final String CONTENT_TABLE = "ContentTable";

    private Seeder() {
    }

    public record Seeded(List<Article> articles, List<Video> videos) {
    }

    public static Seeded seed(ContentRepository content, Instant now) {
        Seeded fresh = read(now);
        Map<String, Instant> storedArticles = new HashMap<>();
        for (Article article : fresh.articles()) {
            content.findArticle(article.slug())
                    .ifPresent(existing -> storedArticles.put(article.slug(), existing.summary().publishedAt()));
        }
        Map<String, Instant> storedVideos = new HashMap<>();
        content.latestVideos(fresh.videos().size()).forEach(video -> storedVideos.put(video.id(), video.publishedAt()));
        Seeded seeded = read(now, storedArticles, storedVideos);
        seeded.articles().forEach(content::save);
        seeded.videos().forEach(content::save);
        return seeded;
    }

    public static Seeded read(Instant now) {
        return read(now, Map.of(), Map.of());
    }

    /** @param storedArticles publication times to keep, by slug; {@code storedVideos} likewise by video id */
    private static Seeded read(Instant now, Map<String, Instant> storedArticles, Map<String, Instant> storedVideos) {
        JsonNode root;
        try (InputStream in = Seeder.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            root = Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> titles = new HashMap<>();
        root.path("articles").forEach(a -> titles.put(a.path("slug").asText(), a.path("title").asText()));
        List<Article> articles = StreamSupport.stream(root.path("articles").spliterator(), false)
                .map(a -> article(a, titles, publishedAt(a, now, storedArticles.get(a.path("slug").asText())))).toList();
        List<Video> videos = StreamSupport.stream(root.path("videos").spliterator(), false)
                .map(v -> new Video(v.path("id").asText(), v.path("title").asText(), v.path("summary").asText(),
                        publishedAt(v, now, storedVideos.get(v.path("id").asText())), image(v.path("thumbnail")), v.path("videoUrl").asText(),
                        v.path("durationSeconds").asInt()))
                .toList();
        return new Seeded(articles, videos);
    }

    private static Article article(JsonNode a, Map<String, String> titles, Instant publishedAt) {
        String pick = a.path("editorsPick").isTextual() ? a.path("editorsPick").asText() : null;
        ArticleSummary summary = new ArticleSummary(
                a.path("id").asText(), a.path("slug").asText(), a.path("title").asText(), a.path("summary").asText(),
                a.path("section").asText(),
                Edition.fromWireName(a.path("edition").asText()).orElseThrow(),
                a.path("coverStory").asBoolean(), publishedAt, image(a.path("image")),
                a.path("sponsored").asBoolean(), strings(a.path("tags")));
        return new Article(summary, a.path("reporter").asText(), a.path("editor").asText(), strings(a.path("sources")),
                pick == null ? null : new EditorsPick(pick, titles.get(pick)), strings(a.path("body")));
    }

    private static Instant publishedAt(JsonNode node, Instant now, Instant kept) {
        return kept != null ? kept
                : now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(node.path("publishedMinutesAgo").asLong()));
    }

    private static Image image(JsonNode node) {
        return node.isObject()
                ? new Image(node.path("url").asText(), node.path("caption").asText(), node.path("credit").asText())
                : null;
    }

    private static List<String> strings(JsonNode node) {
        return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }
}
