package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.content.AccessLevel;
import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import id.warta.content.Edition;
import id.warta.admin.NewsroomWiring;
import id.warta.newsroom.ArticleDraft;
import id.warta.newsroom.Newsroom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unlock under contention: one reader fires hundreds of views at once across 20 metered articles,
 * through the local API server against dynalite. Exactly {@code limit} articles get unlocked, every
 * time, and the responses that granted access name exactly the unlocked articles.
 */
@LocalStackOnly
class PaywallConcurrencyIT {
    private static final int METERED_ARTICLES = 20;
    private static final int VIEWS_PER_ARTICLE = 12;
    private static final int CLIENT_THREADS = 48;

    private static final TestStack stack = TestStack.shared();
    private static final PaywallReaders readers = new PaywallReaders(stack);
    private static List<String> metered;

    @BeforeAll
    static void twentyMeteredArticles() {
        List<String> slugs = new ArrayList<>(stack.seeded().articles().stream()
                .filter(a -> a.summary().accessLevel() == AccessLevel.METERED).map(Article::slug).toList());
        Newsroom newsroom = NewsroomWiring.newsroom(stack.cloud().dynamo(), readers.table("CONTENT_TABLE"), Clock.systemUTC());
        Article template = stack.seeded().articles().stream()
                .filter(a -> a.summary().accessLevel() == AccessLevel.METERED).findFirst().orElseThrow();
        while (slugs.size() < METERED_ARTICLES) {
            String slug = "uji-serentak-" + UUID.randomUUID();
            ArticleSummary s = template.summary();
            newsroom.publish(slug, new ArticleDraft(s.title(), s.summary(), s.section(), Edition.MAJALAH.wireName(), false,
                    false, template.reporter(), template.editor(), template.sources(), s.tags(), s.image(), template.body(),
                    Instant.now().minusSeconds(86_400 * 400L), null), OptionalLong.empty());
            slugs.add(slug);
        }
        metered = List.copyOf(slugs);
    }

    @RepeatedTest(5)
    void concurrentViewsFromOneReaderUnlockExactlyTheLimit(RepetitionInfo repetition) throws Exception {
        PaywallReaders.SignedIn reader = readers.activated();
        int limit = readers.freeArticlesPerMonth();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < VIEWS_PER_ARTICLE; i++) {
            requests.addAll(metered);
        }
        Collections.shuffle(requests, new Random(repetition.getCurrentRepetition()));

        List<JsonNode> answers = fireAtOnce(requests, reader);

        Set<String> granted = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            JsonNode access = answers.get(i);
            if (access.path("granted").asBoolean()) {
                granted.add(requests.get(i));
            } else {
                assertThat(access.path("reason").asText()).as(requests.get(i)).isEqualTo("QUOTA_EXHAUSTED");
            }
        }
        Map<String, AttributeValue> meter = readers.meterItem(reader).orElseThrow();
        assertThat(granted).hasSize(limit);
        assertThat(new HashSet<>(meter.get("unlocked").ss())).isEqualTo(granted);
        assertThat(meter.get("used").n()).isEqualTo(Integer.toString(limit));
    }

    /** All requests at once (released together by a latch) from a bounded pool; the access of each, in order. */
    private static List<JsonNode> fireAtOnce(List<String> slugs, PaywallReaders.SignedIn reader) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS)) {
            for (String slug : slugs) {
                futures.add(pool.submit(() -> {
                    start.await();
                    TestStack.Response response = stack.post("/articles/" + slug + "/views", "{}", reader.headers());
                    assertThat(response.status()).as(slug + ": " + response.body()).isEqualTo(200);
                    return response.json().path("access");
                }));
            }
            start.countDown();
            List<JsonNode> answers = new ArrayList<>();
            for (Future<JsonNode> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }
}
