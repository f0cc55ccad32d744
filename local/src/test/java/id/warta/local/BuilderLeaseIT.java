package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.activity.View;
import id.warta.dynamo.Attr;
import id.warta.dynamo.DynamoBuilderLease;
import id.warta.dynamo.DynamoContentRepository;
import id.warta.dynamo.DynamoRecommendations;
import id.warta.dynamo.DynamoViewLog;
import id.warta.dynamo.RecommendationsTable;
import id.warta.json.Json;
import id.warta.recommendations.BuildReport;
import id.warta.recommendations.RecommendationBuilder;
import id.warta.recommendations.RecommendationWeights;
import id.warta.recommendations.SingleRunBuilder;
import id.warta.testing.DelegatingViewLog;
import id.warta.http.testing.EventFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recommendations builder's single-run lease in the RecommendationsTable (dynalite), taken and
 * given back with single conditional writes: two overlapping runs build once, the second says it
 * skipped; a dead run's lease frees itself when it expires.
 */
class BuilderLeaseIT {
    private static final String TABLE = "RecommendationsTable";
    private static final Duration MAX_RUN = Duration.ofMinutes(15);
    private static final String SKIPPED = "{\"skipped\":\"another run holds the lease\"}";

    private static final TestStack stack = TestStack.shared();
    private final DynamoDbClient dynamo = stack.cloud().dynamo();
    private final DynamoBuilderLease lease = new DynamoBuilderLease(dynamo, TABLE);

    /** The lease item must not outlive a test: RecommendationsIT runs the builder in the same tables. */
    @AfterEach
    void removeTheLeaseItem() {
        dynamo.deleteItem(b -> b.tableName(TABLE).key(RecommendationsTable.leaseKey()));
    }

    private static String runTheFunction() throws Exception {
        String event = Files.readString(EventFixtures.path("recommendations/rebuild-schedule.json"));
        return stack.cloud().function("RecommendationsFunction").invokeJson(event);
    }

    @Test
    void aRunOfTheFunctionOverlappingABuildSkipsAtOnceAndTheNextRunBuilds() throws Exception {
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        // The first run is the real builder on the real tables, held in the middle of its build.
        DelegatingViewLog heldMidBuild = new DelegatingViewLog(new DynamoViewLog(dynamo, "ActivityTable")) {
            @Override
            public List<View> viewsInHour(Instant hour) {
                building.countDown();
                try {
                    assertThat(mayFinish.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return super.viewsInHour(hour);
            }
        };
        Clock clock = Clock.systemUTC();
        SingleRunBuilder first = new SingleRunBuilder(new RecommendationBuilder(heldMidBuild,
                new DynamoContentRepository(dynamo, Seeder.CONTENT_TABLE), new DynamoRecommendations(dynamo, TABLE, clock),
                RecommendationWeights.DEFAULT, clock), lease, clock);
        CompletableFuture<Optional<BuildReport>> firstRun = CompletableFuture.supplyAsync(() -> first.build("run-1", MAX_RUN));
        assertThat(building.await(30, TimeUnit.SECONDS)).as("first run started building").isTrue();

        String second = runTheFunction();
        mayFinish.countDown();
        Optional<BuildReport> firstReport = firstRun.get(60, TimeUnit.SECONDS);
        JsonNode third = Json.mapper().readTree(runTheFunction());

        assertThat(second).isEqualTo(SKIPPED);
        assertThat(firstReport).hasValueSatisfying(report -> assertThat(report.relatedLists()).isPositive());
        assertThat(third.has("skipped")).as("the lease was given back: " + third).isFalse();
        assertThat(third.path("relatedLists").asInt()).isPositive();
    }

    @Test
    void aDeadRunsLeaseBlocksUntilItExpiresThenTheFunctionTakesItOver() throws Exception {
        Instant now = Instant.now();
        assertThat(lease.take("alive", now, now.plus(MAX_RUN))).isTrue();
        assertThat(runTheFunction()).isEqualTo(SKIPPED);
        lease.release("alive");

        // A run that took the lease 20 minutes ago and died: its lease expired 5 minutes ago.
        assertThat(lease.take("died", now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(5)))).isTrue();
        JsonNode report = Json.mapper().readTree(runTheFunction());

        assertThat(report.has("skipped")).as(report.toString()).isFalse();
        assertThat(lease.take("next", now, now.plus(MAX_RUN))).as("given back after the run").isTrue();
    }

    @Test
    void takingIsRetrySafeAndOnlyTheHolderGivesTheLeaseBack() {
        Instant now = Instant.now();
        Instant expires = now.plus(MAX_RUN);

        boolean taken = lease.take("run-1", now, expires);
        boolean retriedTake = lease.take("run-1", now.plusSeconds(1), expires);
        boolean otherRun = lease.take("run-2", now.plusSeconds(2), expires);
        lease.release("run-2");
        boolean afterOthersRelease = lease.take("run-2", now.plusSeconds(3), expires);
        lease.release("run-1");
        lease.release("run-1");
        boolean afterHoldersRelease = lease.take("run-2", now.plusSeconds(4), expires);

        assertThat(List.of(taken, retriedTake, otherRun, afterOthersRelease, afterHoldersRelease))
                .containsExactly(true, true, false, false, true);
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(TABLE).consistentRead(true)
                .key(RecommendationsTable.leaseKey())).item();
        assertThat(Attr.string(item, RecommendationsTable.HELD_BY)).isEqualTo("run-2");
        assertThat(Attr.number(item, RecommendationsTable.EXPIRES_AT, 0)).as("expiry, rounded up to a second")
                .isBetween(expires.getEpochSecond(), expires.getEpochSecond() + 1);
    }
}
