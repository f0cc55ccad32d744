package id.warta.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/import's code path against the local stack, signed with the admin credentials bin/dev prints:
 * both example feeds go in, readers see their articles, and a second run of each changes nothing.
 * What it published is unpublished at the end, so the shared stack's feeds stay as other tests expect them.
 */
@LocalStackOnly
class FeedImportIT {
    private static final List<String> FEED_SLUGS = List.of("festival-wayang-kulit-tiga-malam",
            "sanggar-tari-iuran-anggota", "posyandu-keliling-lereng-gunung", "cek-tekanan-darah-balai-desa");
    private final TestStack stack = TestStack.shared();

    @AfterEach
    void unpublishTheImportedArticles() {
        FEED_SLUGS.forEach(slug -> stack.sendSigned("DELETE", "/admin/articles/" + slug, null));
    }

    private Map<FeedImport.Outcome, Integer> importOnce(String feed, ByteArrayOutputStream progress) throws Exception {
        List<FeedArticles.Item> items = FeedImport.items(ProjectRoot.find().resolve("fixtures/feeds/" + feed).toString(), "berita");
        return new FeedImport(stack.api(), stack.cloud().adminCredentials(), LocalCloud.REGION,
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run(items);
    }

    @Test
    void bothExampleFeedsImportAndASecondRunIsAllUnchanged() throws Exception {
        for (String feed : List.of("budaya-rss.xml", "kesehatan-atom.xml")) {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            ByteArrayOutputStream second = new ByteArrayOutputStream();

            Map<FeedImport.Outcome, Integer> firstRun = importOnce(feed, first);
            Map<FeedImport.Outcome, Integer> secondRun = importOnce(feed, second);

            assertThat(firstRun).as(first.toString(StandardCharsets.UTF_8)).doesNotContainKey(FeedImport.Outcome.FAILED);
            assertThat(secondRun).as(second.toString(StandardCharsets.UTF_8)).containsExactly(Map.entry(FeedImport.Outcome.UNCHANGED, 2));
            assertThat(second.toString(StandardCharsets.UTF_8)).contains("[2/2] unchanged").contains("0 created, 0 replaced, 2 unchanged, 0 failed");
        }
        assertThat(stack.get("/articles/festival-wayang-kulit-tiga-malam").json().path("body")).hasSize(3);
        assertThat(stack.get("/articles?section=kesehatan").json().path("items").findValuesAsText("slug"))
                .containsExactly("posyandu-keliling-lereng-gunung", "cek-tekanan-darah-balai-desa");
    }

    @Test
    void anItemThatFailsIsReportedAndTheOthersStillGoIn() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<FeedArticles.Item> items = List.of(
                new FeedArticles.Item("impor-tanpa-isi", Map.of("title", "Tanpa isi")),
                new FeedArticles.Item("", Map.of()));

        Map<FeedImport.Outcome, Integer> totals = new FeedImport(stack.api(), stack.cloud().adminCredentials(),
                LocalCloud.REGION, new PrintStream(progress, true, StandardCharsets.UTF_8)).run(items);

        assertThat(totals).containsExactly(Map.entry(FeedImport.Outcome.FAILED, 2));
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[1/2] failed").contains("VALIDATION_FAILED")
                .contains("[2/2] failed");
    }
}
