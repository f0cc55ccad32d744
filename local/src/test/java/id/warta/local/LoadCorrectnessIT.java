package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.content.Article;
import id.warta.content.Edition;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded concurrent run on loopback (30 s or 6,000 requests, whichever ends first) of mixed reads,
 * registrations and unlocks: no 5xx, every meter within its limit and consistent, and every
 * registration's email delivered exactly once.
 */
class LoadCorrectnessIT {
    private static final Duration DURATION = Duration.ofSeconds(30);
    private static final int MAX_REQUESTS = 6_000;
    private static final int CLIENTS = 12;

    private final TestStack stack = TestStack.shared();
    private final PaywallReaders readers = new PaywallReaders(stack);
    private final AccountsMailbox mailbox = new AccountsMailbox(stack);

    @Test
    void mixedLoadEndsWithNo5xxMetersWithinTheirLimitAndEveryEmailOnce() throws Exception {
        List<PaywallReaders.SignedIn> signedIn = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            signedIn.add(readers.activated());
        }
        List<String> slugs = stack.seeded().articles().stream().map(Article::slug).toList();
        List<String> metered = stack.seeded().articles().stream()
                .filter(a -> a.summary().edition() != Edition.WEB && !a.summary().coverStory()).map(Article::slug).toList();
        Queue<String> registered = new ConcurrentLinkedQueue<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        long deadline = System.nanoTime() + DURATION.toNanos();

        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline && sent.incrementAndGet() <= MAX_REQUESTS) {
                        int dice = random.nextInt(100);
                        PaywallReaders.SignedIn reader = signedIn.get(random.nextInt(signedIn.size()));
                        TestStack.Response response;
                        if (dice < 65) {
                            String slug = slugs.get(random.nextInt(slugs.size()));
                            response = random.nextBoolean() ? stack.get("/articles/" + slug)
                                    : stack.get("/articles/" + slug, reader.headers());
                        } else if (dice < 85) {
                            response = stack.post("/articles/" + metered.get(random.nextInt(metered.size())) + "/views",
                                    "{}", reader.headers());
                        } else if (dice < 93) {
                            String email = AccountsMailbox.uniqueAddress("beban");
                            response = stack.post("/auth/register", "{\"email\":\"" + email
                                    + "\",\"password\":\"kata-sandi-beban\",\"name\":\"Pembaca Beban\"}");
                            if (response.status() == 202) {
                                registered.add(email);
                            }
                        } else {
                            response = random.nextBoolean() ? stack.get("/trending")
                                    : stack.get("/articles/" + slugs.get(random.nextInt(slugs.size())) + "/recommendations",
                                    "X-Reader-Id", UUID.randomUUID().toString());
                        }
                        if (response.status() >= 500) {
                            failures.add(response.status() + " " + response.body());
                        }
                    }
                    return null;
                });
            }
        }

        assertThat(failures).isEmpty();
        assertThat(sent.get()).isGreaterThan(500);
        assertThat(registered).isNotEmpty();

        int limit = readers.freeArticlesPerMonth();
        for (PaywallReaders.SignedIn reader : signedIn) {
            Map<String, AttributeValue> meter = readers.meterItem(reader).orElseThrow();
            int used = Integer.parseInt(meter.get("used").n());
            assertThat(used).as("meter of " + reader.id()).isLessThanOrEqualTo(limit);
            assertThat(meter.get("unlocked").ss()).as("unlocked of " + reader.id()).hasSize(used);
        }

        AccountsMailbox.pollUntil(() -> {
            JsonNode run = mailbox.sweep();
            return run.path("sent").asInt() == 0 && run.path("retrying").asInt() == 0 ? Boolean.TRUE : null;
        }, "the outbox to drain");
        for (String email : registered) {
            assertThat(mailbox.emailsTo(email)).as("emails to a registration").hasSize(1);
        }
    }
}
