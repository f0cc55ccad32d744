package id.warta.recommendations;

import id.warta.testing.InMemoryRunLease;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The lease rules, on the record itself and through the in-memory {@link RunLease}. */
class LeaseTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(15));

    private final InMemoryRunLease lease = new InMemoryRunLease();

    @Test
    void aLeaseIsFreeForItsOwnHolderAlwaysAndForOthersOnceItExpires() {
        Lease held = new Lease("run-1", LATER);

        assertThat(held.freeFor("run-1", NOW)).isTrue();
        assertThat(held.freeFor("run-2", NOW)).isFalse();
        assertThat(held.freeFor("run-2", LATER.minusMillis(1))).isFalse();
        assertThat(held.freeFor("run-2", LATER)).isTrue();
    }

    @Test
    void aSecondRunCannotTakeAHeldLeaseButARetriedTakeByTheHolderSucceeds() {
        assertThat(lease.take("run-1", NOW, LATER)).isTrue();

        assertThat(lease.take("run-2", NOW.plusSeconds(1), LATER)).isFalse();
        assertThat(lease.take("run-1", NOW.plusSeconds(1), LATER)).as("retried take").isTrue();
    }

    @Test
    void onlyTheHolderReleasesTheLease() {
        lease.take("run-1", NOW, LATER);

        lease.release("run-2");
        assertThat(lease.take("run-3", NOW, LATER)).as("after another run's release").isFalse();
        lease.release("run-1");
        assertThat(lease.take("run-3", NOW, LATER)).as("after the holder's release").isTrue();
    }

    @Test
    void theLeaseOfARunThatDiedIsFreeOnceItExpires() {
        lease.take("died", NOW, LATER);

        assertThat(lease.take("next", LATER.minusSeconds(1), LATER.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(lease.take("next", LATER, LATER.plus(Duration.ofMinutes(15)))).isTrue();
        lease.release("died");
        assertThat(lease.take("another", LATER, LATER.plus(Duration.ofMinutes(15))))
                .as("the dead run's late release leaves the new holder's lease").isFalse();
    }
}
