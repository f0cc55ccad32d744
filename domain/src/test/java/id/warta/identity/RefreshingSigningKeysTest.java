package id.warta.identity;

import id.warta.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import static id.warta.identity.SigningKeysTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefreshingSigningKeysTest {
    private static final Duration REFRESH = Duration.ofMinutes(5);
    private static final Duration FLOOR = Duration.ofSeconds(30);
    private static final SigningKeys K1 = SigningKeys.single(key("k1"));
    private static final SigningKeys K1_AND_K2 = new SigningKeys("k1", List.of(key("k1"), key("k2")));
    private static final SigningKeys K2_SIGNS = new SigningKeys("k2", List.of(key("k1"), key("k2")));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final SecretStore store = new SecretStore(K1);
    private final RefreshingSigningKeys keys = new RefreshingSigningKeys(store, clock, REFRESH, FLOOR);

    /** The secret as the store holds it now; counts reads, and fails them while {@code down}. */
    private static final class SecretStore implements Supplier<SigningKeys> {
        private SigningKeys current;
        private boolean down;
        private int reads;

        SecretStore(SigningKeys current) {
            this.current = current;
        }

        @Override
        public SigningKeys get() {
            reads++;
            if (down) {
                throw new IllegalStateException("secret store unavailable");
            }
            return current;
        }
    }

    @Test
    void readsTheSetOnFirstUseAndNotAgainWithinTheInterval() {
        assertThat(store.reads).isZero();

        assertThat(keys.signer().id()).isEqualTo("k1");
        clock.advance(REFRESH.minusSeconds(1));
        keys.signer();
        keys.verifier("k1");

        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void aNewSignerIsUsedOnceTheIntervalHasPassed() {
        keys.signer();
        store.current = K2_SIGNS;

        clock.advance(REFRESH.minusSeconds(1));
        assertThat(keys.signer().id()).isEqualTo("k1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(keys.signer().id()).isEqualTo("k2");
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void anUnknownKeyIdReadsEarlyAtMostOncePerFloor() {
        keys.verifier("k1");
        clock.advance(FLOOR);
        store.current = K1_AND_K2;

        assertThat(keys.verifier("k2")).contains(key("k2"));
        assertThat(store.reads).isEqualTo(2);

        for (int i = 0; i < 10; i++) {
            assertThat(keys.verifier("made-up-" + i)).isEmpty();
        }
        assertThat(store.reads).as("no early read within the floor").isEqualTo(2);
        clock.advance(FLOOR);
        assertThat(keys.verifier("made-up")).isEmpty();
        assertThat(store.reads).isEqualTo(3);
    }

    @Test
    void anUnknownKeyIdRightAfterTheFirstReadIsRefusedWithoutASecondRead() {
        assertThat(keys.verifier("k9")).isEmpty();

        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void aRetiredKeyStopsVerifyingAfterTheInterval() {
        store.current = K2_SIGNS;
        assertThat(keys.verifier("k1")).isPresent();
        store.current = SigningKeys.single(key("k2"));

        clock.advance(REFRESH.minusSeconds(1));
        assertThat(keys.verifier("k1")).as("still cached").isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(keys.verifier("k1")).isEmpty();
    }

    @Test
    void aSetRestoredFromASnapshotLaterThanTheIntervalIsReadAgainBeforeUse() {
        keys.signer(); // read while priming, before the snapshot
        store.current = K2_SIGNS;

        clock.advance(Duration.ofDays(3)); // the wall clock after a restore
        assertThat(keys.signer().id()).isEqualTo("k2");
    }

    @Test
    void aClockThatWentBackwardsMakesTheSetStale() {
        keys.signer();
        store.current = K2_SIGNS;

        clock.advance(Duration.ofHours(-1));
        assertThat(keys.signer().id()).isEqualTo("k2");
    }

    @Test
    void aFailedRefreshKeepsTheSetItHasAndRetriesOnlyAfterTheFloor() {
        keys.signer();
        store.down = true;
        clock.advance(REFRESH);

        assertThat(keys.signer().id()).isEqualTo("k1");
        assertThat(keys.verifier("k1")).isPresent();
        assertThat(store.reads).isEqualTo(2);

        store.down = false;
        store.current = K2_SIGNS;
        clock.advance(FLOOR);
        assertThat(keys.signer().id()).isEqualTo("k2");
        assertThat(store.reads).isEqualTo(3);
    }

    @Test
    void aContainerThatNeverReadTheSetFailsItsRequest() {
        store.down = true;

        assertThatThrownBy(keys::signer).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys.verifier("k1")).isInstanceOf(IllegalStateException.class);
    }
}
