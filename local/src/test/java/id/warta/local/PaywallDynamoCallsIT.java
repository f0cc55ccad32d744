package id.warta.local;

import id.warta.config.AwsClients;
import id.warta.content.AccessLevel;
import id.warta.content.Article;
import id.warta.dynamo.DynamoContentRepository;
import id.warta.dynamo.DynamoMeters;
import id.warta.dynamo.DynamoReadingContexts;
import id.warta.paywall.MeterPeriod;
import id.warta.paywall.MeterUnlocks;
import id.warta.paywall.ReadingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paywall's DynamoDB round trips, counted on a client like the functions' own: a signed-in read
 * of an article is one call, an unlock one conditional write.
 */
class PaywallDynamoCallsIT {
    private final TestStack stack = TestStack.shared();
    private final PaywallReaders readers = new PaywallReaders(stack);
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final DynamoDbClient counted = DynamoDbClient.builder()
            .endpointOverride(stack.cloud().emulators().dynamoDbEndpoint())
            .region(Region.of(LocalCloud.REGION))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(AwsClients.httpClient())
            .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                }
            }))
            .build();
    private final DynamoReadingContexts contexts = new DynamoReadingContexts(counted,
            new DynamoContentRepository(counted, readers.table("CONTENT_TABLE")),
            readers.table("ACCOUNTS_TABLE"), readers.table("ACTIVITY_TABLE"));
    private final DynamoMeters meters = new DynamoMeters(counted, readers.table("ACTIVITY_TABLE"));
    private final MeterPeriod period = MeterPeriod.containing(Instant.now());
    private Article metered;

    @BeforeEach
    void pickAMeteredArticle() {
        metered = stack.seeded().articles().stream()
                .filter(a -> a.summary().accessLevel() == AccessLevel.METERED).findFirst().orElseThrow();
    }

    @AfterEach
    void closeClient() {
        counted.close();
    }

    @Test
    void aSignedInReadFetchesArticleAccountAndMeterInOneBatchGetItem() {
        PaywallReaders.SignedIn reader = readers.activated();
        meters.unlock(reader.id(), period, metered.slug(), 2);
        calls.clear();

        ReadingContext context = contexts.load(metered.slug(), Optional.of(reader.id()), Optional.of(period));

        assertThat(calls).containsExactly("BatchGetItem");
        assertThat(context.article()).map(Article::slug).contains(metered.slug());
        assertThat(context.account()).contains(reader.account());
        assertThat(context.meter().orElseThrow().unlocked()).containsExactly(metered.slug());
    }

    @Test
    void anAnonymousReadIsOneGetItem() {
        ReadingContext context = contexts.load(metered.slug(), Optional.empty(), Optional.of(period));

        assertThat(calls).containsExactly("GetItem");
        assertThat(context.article()).isPresent();
        assertThat(context.account()).isEmpty();
        assertThat(context.meter()).isEmpty();
    }

    @Test
    void aSlugThatCannotExistIsNotLookedUp() {
        PaywallReaders.SignedIn reader = readers.activated();

        ReadingContext anonymous = contexts.load("../" + "x".repeat(3000), Optional.empty(), Optional.empty());
        ReadingContext signedIn = contexts.load("../" + "x".repeat(3000), Optional.of(reader.id()), Optional.empty());

        assertThat(anonymous.article()).isEmpty();
        assertThat(signedIn.article()).isEmpty();
        assertThat(signedIn.account()).contains(reader.account());
        assertThat(calls).containsExactly("BatchGetItem");
    }

    @Test
    void anUnlockIsOneConditionalWriteAndARepeatAddsOneConsistentRead() {
        PaywallReaders.SignedIn reader = readers.activated();

        assertThat(meters.unlock(reader.id(), period, metered.slug(), 2).creditSpent()).isTrue();
        assertThat(calls).containsExactly("UpdateItem");

        calls.clear();
        MeterUnlocks.Attempt repeated = meters.unlock(reader.id(), period, metered.slug(), 2);
        assertThat(repeated.meter().unlocked()).containsExactly(metered.slug());
        assertThat(repeated.creditSpent()).as("the repeat spends nothing").isFalse();
        assertThat(calls).containsExactly("UpdateItem", "GetItem");
    }

    @Test
    void aZeroLimitNeverWrites() {
        PaywallReaders.SignedIn reader = readers.activated();

        assertThat(meters.unlock(reader.id(), period, metered.slug(), 0).meter().unlocked()).isEmpty();

        assertThat(calls).containsExactly("GetItem");
        assertThat(readers.meterItem(reader)).isEmpty();
    }
}
