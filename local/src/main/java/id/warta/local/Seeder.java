package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import id.warta.content.Edition;
import id.warta.content.EditorsPick;
import id.warta.content.Image;
import id.warta.content.Video;
import id.warta.admin.NewsroomWiring;
import id.warta.dynamo.DynamoContentRepository;
import id.warta.json.Json;
import id.warta.newsroom.ArticleDraft;
import id.warta.newsroom.Newsroom;
import id.warta.newsroom.VideoDraft;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.StreamSupport;

/**
 * Loads the sample content (seed/content.json, written for this project) with publication times
 * relative to now, so "baru saja", "5 menit lalu" and older dates all show up. Articles go through
 * the newsroom's publishing rules, and videos too, the same code path as {@code PUT /admin/articles/{slug}}
 * and {@code PUT /admin/videos/{id}}: seeding
 * again (into tables that kept their data) changes nothing and keeps every stored publication time,
 * so that lists, trending and "5 menit lalu" do not jump at each start.
 */
public final class Seeder {
    public static final String RESOURCE = "seed/content.json";
    /** The logical id of the content table in template.yaml (local table names are logical ids). */
    public static final String CONTENT_TABLE = "ContentTable";

    private Seeder() {
    }

    public record Seeded(List<Article> articles, List<Video> videos) {
    }

    public static Seeded seed(DynamoDbClient dynamo, String table, Instant now) {
        DynamoContentRepository content = new DynamoContentRepository(dynamo, table);
        Newsroom newsroom = NewsroomWiring.newsroom(dynamo, table, Clock.systemUTC());
        JsonNode root = root();
        Map<String, Article> published = new LinkedHashMap<>();
        List<JsonNode> withoutTheirPick = new ArrayList<>();
        // An article's pick must be published first; the seed's picks point at each other, so an
        // article whose pick is not there yet goes in without it and gets it in the second pass.
        for (JsonNode a : root.path("articles")) {
            boolean pickReady = !a.path("editorsPick").isTextual()
                    || !content.findSummaries(List.of(a.path("editorsPick").asText())).isEmpty();
            published.put(a.path("slug").asText(), publish(newsroom, a, now, pickReady));
            if (!pickReady) {
                withoutTheirPick.add(a);
            }
        }
        withoutTheirPick.forEach(a -> published.put(a.path("slug").asText(), publish(newsroom, a, now, true)));
        // The home page's "Pilihan Editor": the articles the seed's editors picked, in the order first picked.
        newsroom.setEditorsPicks(published.values().stream().map(Article::editorsPick).filter(Objects::nonNull)
                .map(EditorsPick::slug).distinct().limit(Newsroom.MAX_EDITORS_PICKS).toList());

        List<Video> videos = StreamSupport.stream(root.path("videos").spliterator(), false)
                .map(v -> newsroom.publishVideo(v.path("id").asText(), videoDraft(v, now), OptionalLong.empty())
                        .stored().content())
                .toList();
        return new Seeded(List.copyOf(published.values()), videos);
    }

    /** The sample content as it would be published at {@code now}, without storing it. */
    public static Seeded read(Instant now) {
        JsonNode root = root();
        Map<String, String> titles = new HashMap<>();
        root.path("articles").forEach(a -> titles.put(a.path("slug").asText(), a.path("title").asText()));
        List<Article> articles = new ArrayList<>();
        for (JsonNode a : root.path("articles")) {
            String pick = a.path("editorsPick").isTextual() ? a.path("editorsPick").asText() : null;
            ArticleDraft d = draft(a, now, true);
            articles.add(new Article(new ArticleSummary(a.path("id").asText(), a.path("slug").asText(), d.title(),
                    d.summary(), d.section(), d.knownEdition().orElseThrow(), d.coverStory(), d.publishAt(), d.image(),
                    d.sponsored(), d.tags()), d.reporter(), d.editor(), d.sources(),
                    pick == null ? null : new EditorsPick(pick, titles.get(pick)), d.body()));
        }
        List<Video> videos = StreamSupport.stream(root.path("videos").spliterator(), false)
                .map(v -> {
                    VideoDraft d = videoDraft(v, now);
                    return new Video(v.path("id").asText(), d.title(), d.summary(), d.publishAt(), d.thumbnail(),
                            d.videoUrl(), d.durationSeconds());
                })
                .toList();
        return new Seeded(articles, videos);
    }

    private static Article publish(Newsroom newsroom, JsonNode a, Instant now, boolean withPick) {
        return newsroom.publish(a.path("slug").asText(), draft(a, now, withPick), OptionalLong.empty()).stored().content();
    }

    private static ArticleDraft draft(JsonNode a, Instant now, boolean withPick) {
        String pick = withPick && a.path("editorsPick").isTextual() ? a.path("editorsPick").asText() : null;
        return new ArticleDraft(a.path("title").asText(), a.path("summary").asText(), a.path("section").asText(),
                a.path("edition").asText(), a.path("coverStory").asBoolean(), a.path("sponsored").asBoolean(),
                a.path("reporter").asText(), a.path("editor").asText(), strings(a.path("sources")),
                strings(a.path("tags")), image(a.path("image")), strings(a.path("body")), publishedAt(a, now), pick);
    }

    private static VideoDraft videoDraft(JsonNode v, Instant now) {
        return new VideoDraft(v.path("title").asText(), v.path("summary").asText(), image(v.path("thumbnail")),
                v.path("videoUrl").asText(), v.path("durationSeconds").asInt(), publishedAt(v, now));
    }

    private static JsonNode root() {
        try (InputStream in = Seeder.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant publishedAt(JsonNode node, Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(node.path("publishedMinutesAgo").asLong()));
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
