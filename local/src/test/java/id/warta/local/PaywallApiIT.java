package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.content.AccessLevel;
import id.warta.content.Article;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The paywall through the local API server: reads and views of seeded articles by readers of every kind. */
class PaywallApiIT {
    private final TestStack stack = TestStack.shared();
    private final PaywallReaders readers = new PaywallReaders(stack);

    private List<Article> articles(AccessLevel level) {
        return stack.seeded().articles().stream().filter(a -> a.summary().accessLevel() == level).toList();
    }

    private TestStack.Response read(Article article, String... headers) {
        TestStack.Response response = stack.get("/articles/" + article.slug(), headers);
        assertThat(response.status()).as(article.slug()).isEqualTo(200);
        return response;
    }

    private JsonNode view(Article article, String... headers) {
        TestStack.Response response = stack.post("/articles/" + article.slug() + "/views", "{}", headers);
        assertThat(response.status()).as(article.slug()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
        return response.json().path("access");
    }

    private static void assertTeaser(JsonNode article, String reason) {
        assertThat(article.path("body").size()).isEqualTo(2);
        assertThat(article.path("truncated").asBoolean()).isTrue();
        assertThat(article.path("access").path("granted").asBoolean()).isFalse();
        if (reason == null) {
            assertThat(article.path("access").path("reason").isNull()).isTrue();
        } else {
            assertThat(article.path("access").path("reason").asText()).isEqualTo(reason);
        }
    }

    @Test
    void anActivatedReaderUnlocksUpToTheLimitThenSeesQuotaExhausted() {
        PaywallReaders.SignedIn reader = readers.activated();
        int limit = readers.freeArticlesPerMonth();
        List<Article> metered = articles(AccessLevel.METERED).subList(0, limit + 1);
        Article first = metered.getFirst();

        TestStack.Response teaser = read(first, reader.headers());
        assertTeaser(teaser.json(), null);
        assertThat(teaser.json().path("access").path("meter").path("remaining").asInt()).isEqualTo(limit);
        assertThat(teaser.header("Cache-Control")).isEqualTo("private, no-store");

        for (Article article : metered.subList(0, limit)) {
            JsonNode access = view(article, reader.headers());
            assertThat(access.path("granted").asBoolean()).as(article.slug()).isTrue();
        }
        JsonNode full = read(first, reader.headers()).json();
        assertThat(full.path("truncated").asBoolean()).isFalse();
        assertThat(full.path("body").size()).isEqualTo(first.body().size()).isGreaterThan(2);
        assertThat(full.path("access").path("meter").path("remaining").asInt()).isZero();

        Article oneTooMany = metered.getLast();
        JsonNode refused = view(oneTooMany, reader.headers());
        assertThat(refused.path("granted").asBoolean()).isFalse();
        assertThat(refused.path("reason").asText()).isEqualTo("QUOTA_EXHAUSTED");
        assertTeaser(read(oneTooMany, reader.headers()).json(), "QUOTA_EXHAUSTED");

        Set<String> unlocked = new HashSet<>(readers.meterItem(reader).orElseThrow().get("unlocked").ss());
        assertThat(unlocked).containsExactlyInAnyOrderElementsOf(
                metered.subList(0, limit).stream().map(Article::slug).toList());
    }

    @Test
    void aCoverStoryNeedsASubscriptionWhateverCreditIsLeft() {
        PaywallReaders.SignedIn reader = readers.activated();
        Article cover = articles(AccessLevel.SUBSCRIBER).getFirst();

        assertTeaser(read(cover, reader.headers()).json(), "SUBSCRIPTION_REQUIRED");
        assertThat(view(cover, reader.headers()).path("reason").asText()).isEqualTo("SUBSCRIPTION_REQUIRED");
        assertThat(readers.meterItem(reader)).isEmpty();
    }

    @Test
    void anonymousReadersGetTeasersOfPremiumArticlesAndNoMeter() {
        for (Article article : List.of(articles(AccessLevel.METERED).getFirst(), articles(AccessLevel.SUBSCRIBER).getFirst())) {
            TestStack.Response response = read(article);
            assertTeaser(response.json(), "LOGIN_REQUIRED");
            assertThat(response.json().path("access").path("meter").isNull()).isTrue();
            assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
            assertThat(view(article).path("reason").asText()).isEqualTo("LOGIN_REQUIRED");
        }
    }

    @Test
    void freeArticlesAreReadInFullByEveryoneAndSignedInReadersSeeTheirMeter() {
        Article free = articles(AccessLevel.FREE).getFirst();
        PaywallReaders.SignedIn reader = readers.unactivated();

        TestStack.Response anonymous = read(free);
        TestStack.Response signedIn = read(free, reader.headers());

        assertThat(anonymous.json().path("access").path("granted").asBoolean()).isTrue();
        assertThat(anonymous.json().path("access").path("meter").isNull()).isTrue();
        assertThat(anonymous.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(signedIn.json().path("truncated").asBoolean()).isFalse();
        assertThat(signedIn.json().path("access").path("meter").path("limit").asInt())
                .isEqualTo(readers.freeArticlesPerMonth());
        assertThat(signedIn.json().path("access").path("meter").path("periodEnd").asText()).endsWith("T00:00:00+07:00");
        assertThat(signedIn.header("Cache-Control")).isEqualTo("private, no-store");
    }

    @Test
    void anUnactivatedReaderMustActivateAndCannotSpendCredit() {
        PaywallReaders.SignedIn reader = readers.unactivated();
        Article metered = articles(AccessLevel.METERED).getFirst();

        assertTeaser(read(metered, reader.headers()).json(), "ACTIVATION_REQUIRED");
        JsonNode access = view(metered, reader.headers());

        assertThat(access.path("reason").asText()).isEqualTo("ACTIVATION_REQUIRED");
        assertThat(access.path("meter").path("used").asInt()).isZero();
        assertThat(readers.meterItem(reader)).isEmpty();
    }

    @Test
    void subscribersReadEverythingAndAreNeverMetered() {
        PaywallReaders.SignedIn reader = readers.subscriber();

        for (Article article : List.of(articles(AccessLevel.METERED).getFirst(), articles(AccessLevel.SUBSCRIBER).getFirst())) {
            JsonNode access = view(article, reader.headers());
            assertThat(access.path("granted").asBoolean()).as(article.slug()).isTrue();
            assertThat(access.path("meter").path("used").asInt()).isZero();
            assertThat(read(article, reader.headers()).json().path("truncated").asBoolean()).isFalse();
        }
        assertThat(readers.meterItem(reader)).isEmpty();
    }

    @Test
    void readingNeverWritesTheMeter() {
        PaywallReaders.SignedIn reader = readers.activated();

        for (Article article : articles(AccessLevel.METERED).subList(0, 3)) {
            read(article, reader.headers());
            read(article, reader.headers());
        }

        assertThat(readers.meterItem(reader)).isEmpty();
    }

    @Test
    void theMeterItemCountsItsUnlocksAndExpiresAfterThePeriod() {
        PaywallReaders.SignedIn reader = readers.activated();
        Article metered = articles(AccessLevel.METERED).getFirst();

        JsonNode access = view(metered, reader.headers());
        view(metered, reader.headers());

        Map<String, AttributeValue> item = readers.meterItem(reader).orElseThrow();
        assertThat(item.get("unlocked").ss()).containsExactly(metered.slug());
        assertThat(item.get("used").n()).isEqualTo("1");
        long periodEnd = OffsetDateTime.parse(access.path("meter").path("periodEnd").asText()).toEpochSecond();
        assertThat(Long.parseLong(item.get("expiresAt").n())).isGreaterThan(periodEnd);
    }

    @Test
    void aTokenIssuedBeforeAPasswordResetIsRejectedOnReadsAndViews() {
        PaywallReaders.SignedIn reader = readers.activated();
        Article metered = articles(AccessLevel.METERED).getFirst();
        readers.bumpCredentialVersion(reader);

        TestStack.Response get = stack.get("/articles/" + metered.slug(), reader.headers());
        TestStack.Response post = stack.post("/articles/" + metered.slug() + "/views", "{}", reader.headers());

        assertThat(get.status()).isEqualTo(401);
        assertThat(get.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(post.status()).isEqualTo(401);
        assertThat(readers.meterItem(reader)).isEmpty();
    }
}
