package id.warta.dynamo;

import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import id.warta.content.Edition;
import id.warta.content.EditorsPick;
import id.warta.content.Image;
import id.warta.content.Video;
import id.warta.content.Visibility;
import id.warta.content.Publishable;
import id.warta.newsroom.Stored;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The item layout of the ContentTable, in one place for its reader ({@link DynamoContentRepository},
 * and the tables that denormalise summaries) and its writer ({@link DynamoNewsroomStore}):
 * <ul>
 *   <li>article: {@code pk = ARTICLE#<slug>}; {@code kind}, {@code section}, {@code edition},
 *       {@code sectionEdition} with {@code publishedAt} key the newest-first GSIs. {@code publishedAt} is
 *       the moment readers may first see it (later than now: scheduled), so a feed Query bounded by
 *       {@code publishedAt <= now} and a GetItem checked against it need no other read. {@code version}
 *       counts every write; {@code updatedAt} is the last replacement;</li>
 *   <li>unpublished article: the same key with {@code status = UNPUBLISHED} and its {@code version},
 *       without the GSI keys (so it leaves every feed) and without content;</li>
 *   <li>video: {@code pk = VIDEO#<id>}, {@code kind = VIDEO} with {@code publishedAt} key the ByKind GSI,
 *       {@code version} and {@code updatedAt} as an article's; unpublished: {@code status = UNPUBLISHED},
 *       without {@code kind} and content;</li>
 *   <li>"Pilihan Editor": {@code pk = EDITORS_PICKS}, {@code slugs} (the ordered list).</li>
 * </ul>
 */
public final class ContentTable {
    static final String PK = "pk";
    static final String KIND = "kind";
    static final String SECTION = "section";
    static final String EDITION = "edition";
    static final String SECTION_EDITION = "sectionEdition";
    static final String PUBLISHED_AT = "publishedAt";
    static final String VERSION = "version";
    static final String UPDATED_AT = "updatedAt";
    static final String STATUS = "status";
    static final String UNPUBLISHED = "UNPUBLISHED";
    static final String UNPUBLISHED_AT = "unpublishedAt";
    static final String SLUGS = "slugs";
    static final String ARTICLE = "ARTICLE";
    static final String VIDEO = "VIDEO";
    static final Map<String, AttributeValue> EDITORS_PICKS_KEY = Map.of(PK, Attr.s("EDITORS_PICKS"));
    /** The GSI keys an unpublished article drops. */
    static final List<String> ARTICLE_FEED_KEYS = List.of(KIND, SECTION, EDITION, SECTION_EDITION);
    /** The GSI key an unpublished video drops. */
    static final List<String> VIDEO_FEED_KEYS = List.of(KIND);
    /** What a summary needs of an article item ({@code section} is a reserved word: use with {@link #SUMMARY_NAMES}). */
    static final String SUMMARY_PROJECTION =
            "id, slug, title, summary, #s, edition, coverStory, publishedAt, image, sponsored, tags, #st";
    static final Map<String, String> SUMMARY_NAMES = Map.of("#s", SECTION, "#st", STATUS);

    private ContentTable() {
    }

    public static Map<String, AttributeValue> articleKey(String slug) {
        return Map.of(PK, Attr.s(ARTICLE + "#" + slug));
    }

    public static Map<String, AttributeValue> videoKey(String id) {
        return Map.of(PK, Attr.s(VIDEO + "#" + id));
    }

    /** Second precision, fixed width, UTC: sorts lexically in the GSIs. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String sectionEdition(String section, Edition edition) {
        return section + "#" + edition.wireName();
    }

    /** Whether readers may see the article or video of this item at {@code now}. */
    static boolean visible(Map<String, AttributeValue> item, Instant now) {
        String publishedAt = Attr.string(item, PUBLISHED_AT);
        return publishedAt != null
                && Visibility.visibleAt(Instant.parse(publishedAt), UNPUBLISHED.equals(Attr.string(item, STATUS)), now);
    }

    /** The whole item of a stored (not unpublished) article. */
    static Map<String, AttributeValue> articleItem(Stored<Article> stored) {
        Map<String, AttributeValue> item = articleItem(stored.content());
        versioned(item, stored);
        return item;
    }

    private static Map<String, AttributeValue> articleItem(Article article) {
        ArticleSummary s = article.summary();
        Map<String, AttributeValue> item = summaryAttributes(s);
        item.putAll(articleKey(s.slug()));
        item.put(KIND, Attr.s(ARTICLE));
        item.put(SECTION_EDITION, Attr.s(sectionEdition(s.section(), s.edition())));
        item.put("reporter", Attr.s(article.reporter()));
        item.put("editor", Attr.s(article.editor()));
        item.put("sources", Attr.strings(article.sources()));
        if (article.editorsPick() != null) {
            item.put("editorsPick", AttributeValue.fromM(Map.of(
                    "slug", Attr.s(article.editorsPick().slug()), "title", Attr.s(article.editorsPick().title()))));
        }
        item.put("body", Attr.strings(article.body()));
        return item;
    }

    /** Adds what the newsroom keeps of every write: the version and the time of the last replacement. */
    private static void versioned(Map<String, AttributeValue> item, Stored<?> stored) {
        item.put(VERSION, Attr.n(stored.version()));
        if (stored.updatedAt() != null) {
            item.put(UPDATED_AT, Attr.s(timestamp(stored.updatedAt())));
        }
    }

    /** The record of an article or video item, unpublished ones included. */
    static <T extends Publishable> Stored<T> toStored(Map<String, AttributeValue> item,
                                                     Function<Map<String, AttributeValue>, T> content) {
        return new Stored<>(UNPUBLISHED.equals(Attr.string(item, STATUS)) ? null : content.apply(item),
                Attr.number(item, VERSION, 0), updatedAt(item));
    }

    private static Instant updatedAt(Map<String, AttributeValue> item) {
        String updatedAt = Attr.string(item, UPDATED_AT);
        return updatedAt == null ? null : Instant.parse(updatedAt);
    }

    /** The attributes {@link #toSummary} reads back (also how other tables denormalise a summary). */
    static Map<String, AttributeValue> summaryAttributes(ArticleSummary s) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", Attr.s(s.id()));
        item.put("slug", Attr.s(s.slug()));
        item.put("title", Attr.s(s.title()));
        item.put("summary", Attr.s(s.summary()));
        item.put(SECTION, Attr.s(s.section()));
        item.put(EDITION, Attr.s(s.edition().wireName()));
        item.put("coverStory", Attr.bool(s.coverStory()));
        item.put(PUBLISHED_AT, Attr.s(timestamp(s.publishedAt())));
        item.put("sponsored", Attr.bool(s.sponsored()));
        item.put("tags", Attr.strings(s.tags()));
        if (s.image() != null) {
            item.put("image", image(s.image()));
        }
        return item;
    }

    static ArticleSummary toSummary(Map<String, AttributeValue> item) {
        return new ArticleSummary(
                Attr.string(item, "id"),
                Attr.string(item, "slug"),
                Attr.string(item, "title"),
                Attr.string(item, "summary"),
                Attr.string(item, SECTION),
                Edition.fromWireName(Attr.string(item, EDITION)).orElseThrow(),
                Attr.bool(item, "coverStory"),
                Instant.parse(Attr.string(item, PUBLISHED_AT)),
                toImage(Attr.map(item, "image")),
                Attr.bool(item, "sponsored"),
                Attr.stringList(item, "tags"));
    }

    static Article toArticle(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> pick = Attr.map(item, "editorsPick");
        return new Article(
                toSummary(item),
                Attr.string(item, "reporter"),
                Attr.string(item, "editor"),
                Attr.stringList(item, "sources"),
                pick == null ? null : new EditorsPick(Attr.string(pick, "slug"), Attr.string(pick, "title")),
                Attr.stringList(item, "body"),
                updatedAt(item));
    }

    /** The whole item of a stored (not unpublished) video. */
    static Map<String, AttributeValue> videoItem(Stored<Video> stored) {
        Video video = stored.content();
        Map<String, AttributeValue> item = new HashMap<>(videoKey(video.id()));
        item.put(KIND, Attr.s(VIDEO));
        item.put("id", Attr.s(video.id()));
        item.put("title", Attr.s(video.title()));
        item.put("summary", Attr.s(video.summary()));
        item.put(PUBLISHED_AT, Attr.s(timestamp(video.publishedAt())));
        item.put("thumbnail", image(video.thumbnail()));
        item.put("videoUrl", Attr.s(video.videoUrl()));
        item.put("durationSeconds", Attr.n(video.durationSeconds()));
        versioned(item, stored);
        return item;
    }

    static Video toVideo(Map<String, AttributeValue> item) {
        return new Video(
                Attr.string(item, "id"),
                Attr.string(item, "title"),
                Attr.string(item, "summary"),
                Instant.parse(Attr.string(item, PUBLISHED_AT)),
                toImage(Attr.map(item, "thumbnail")),
                Attr.string(item, "videoUrl"),
                (int) Attr.number(item, "durationSeconds", 0));
    }

    private static AttributeValue image(Image image) {
        return AttributeValue.fromM(Map.of(
                "url", Attr.s(image.url()), "caption", Attr.s(image.caption()), "credit", Attr.s(image.credit())));
    }

    private static Image toImage(Map<String, AttributeValue> map) {
        return map == null ? null : new Image(Attr.string(map, "url"), Attr.string(map, "caption"), Attr.string(map, "credit"));
    }
}
