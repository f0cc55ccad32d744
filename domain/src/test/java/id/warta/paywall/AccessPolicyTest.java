package id.warta.paywall;

import id.warta.reader.ReaderAccount;
import id.warta.content.AccessLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the contract's decision table, and when a view may spend a credit. */
class AccessPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");
    private static final String SLUG = "jerat-tengkulak";
    private static final AccessPolicy POLICY = new AccessPolicy(2);

    private static final ReaderAccount UNACTIVATED = new ReaderAccount("a-1", false, null, 0);
    private static final ReaderAccount ACTIVATED = new ReaderAccount("a-2", true, null, 0);
    private static final ReaderAccount SUBSCRIBER = new ReaderAccount("a-3", true, NOW.plusSeconds(86_400), 0);
    private static final ReaderAccount LAPSED_SUBSCRIBER = new ReaderAccount("a-4", true, NOW, 0);

    private static final MeterState NOTHING_USED = MeterState.EMPTY;
    private static final MeterState ONE_OTHER_USED = new MeterState(Set.of("lain-satu"));
    private static final MeterState THIS_ONE_UNLOCKED = new MeterState(Set.of(SLUG));
    private static final MeterState TWO_OTHERS_USED = new MeterState(Set.of("lain-satu", "lain-dua"));

    private static Access decide(AccessLevel level, ReaderAccount reader, MeterState meter) {
        return POLICY.decide(level, SLUG, Optional.ofNullable(reader), meter, NOW);
    }

    @Nested
    class FreeArticles {
        @Test
        void anonymousReadersReadThemWithoutAMeter() {
            assertThat(decide(AccessLevel.FREE, null, NOTHING_USED))
                    .isEqualTo(new Access(AccessLevel.FREE, true, null, null));
        }

        @Test
        void signedInReadersReadThemAndSeeTheirMeter() {
            Access access = decide(AccessLevel.FREE, UNACTIVATED, ONE_OTHER_USED);

            assertThat(access.granted()).isTrue();
            assertThat(access.reason()).isNull();
            assertThat(access.meter()).isEqualTo(new MeterJson(2, 1, 1, "2026-12-01T00:00:00+07:00"));
        }
    }

    @Nested
    class MeteredArticles {
        @Test
        void anonymousReadersMustLogInAndHaveNoMeter() {
            assertThat(decide(AccessLevel.METERED, null, NOTHING_USED))
                    .isEqualTo(new Access(AccessLevel.METERED, false, AccessReason.LOGIN_REQUIRED, null));
        }

        @Test
        void unactivatedReadersMustActivateAndStillSeeTheirMeter() {
            Access access = decide(AccessLevel.METERED, UNACTIVATED, NOTHING_USED);

            assertThat(access.granted()).isFalse();
            assertThat(access.reason()).isEqualTo(AccessReason.ACTIVATION_REQUIRED);
            assertThat(access.meter()).isEqualTo(new MeterJson(2, 0, 2, "2026-12-01T00:00:00+07:00"));
        }

        @Test
        void activatedReadersWithCreditAreNotGrantedYetAndHaveNoReason() {
            Access access = decide(AccessLevel.METERED, ACTIVATED, ONE_OTHER_USED);

            assertThat(access.granted()).isFalse();
            assertThat(access.reason()).isNull();
            assertThat(access.meter().remaining()).isEqualTo(1);
        }

        @Test
        void anArticleUnlockedThisPeriodIsGranted() {
            Access access = decide(AccessLevel.METERED, ACTIVATED, THIS_ONE_UNLOCKED);

            assertThat(access.granted()).isTrue();
            assertThat(access.reason()).isNull();
            assertThat(access.meter().used()).isEqualTo(1);
        }

        @Test
        void anUnlockedArticleStaysGrantedWhenTheQuotaIsUsedUp() {
            Access access = decide(AccessLevel.METERED, ACTIVATED, new MeterState(Set.of(SLUG, "lain-satu")));

            assertThat(access.granted()).isTrue();
            assertThat(access.meter().remaining()).isZero();
        }

        @Test
        void readersWithoutCreditLeftHaveExhaustedTheirQuota() {
            Access access = decide(AccessLevel.METERED, ACTIVATED, TWO_OTHERS_USED);

            assertThat(access.granted()).isFalse();
            assertThat(access.reason()).isEqualTo(AccessReason.QUOTA_EXHAUSTED);
            assertThat(access.meter()).isEqualTo(new MeterJson(2, 2, 0, "2026-12-01T00:00:00+07:00"));
        }

        @Test
        void subscribersReadThemWithoutUsingCredit() {
            Access access = decide(AccessLevel.METERED, SUBSCRIBER, TWO_OTHERS_USED);

            assertThat(access.granted()).isTrue();
            assertThat(access.reason()).isNull();
            assertThat(access.meter()).isNotNull();
        }

        @Test
        void aSubscriberReadsThemEvenBeforeActivating() {
            ReaderAccount unactivatedSubscriber = new ReaderAccount("a-5", false, NOW.plusSeconds(60), 0);

            assertThat(decide(AccessLevel.METERED, unactivatedSubscriber, NOTHING_USED).granted()).isTrue();
            assertThat(POLICY.maySpendCredit(AccessLevel.METERED, unactivatedSubscriber, NOW)).isFalse();
        }

        @Test
        void aSubscriptionEndingNowNoLongerCounts() {
            assertThat(decide(AccessLevel.METERED, LAPSED_SUBSCRIBER, TWO_OTHERS_USED).reason())
                    .isEqualTo(AccessReason.QUOTA_EXHAUSTED);
        }

        @Test
        void aZeroLimitMeansEveryActivatedReaderHasExhaustedTheQuota() {
            Access access = new AccessPolicy(0).decide(AccessLevel.METERED, SLUG, Optional.of(ACTIVATED), NOTHING_USED, NOW);

            assertThat(access.reason()).isEqualTo(AccessReason.QUOTA_EXHAUSTED);
            assertThat(access.meter()).isEqualTo(new MeterJson(0, 0, 0, "2026-12-01T00:00:00+07:00"));
        }
    }

    @Nested
    class CoverStories {
        @Test
        void anonymousReadersMustLogIn() {
            assertThat(decide(AccessLevel.SUBSCRIBER, null, NOTHING_USED))
                    .isEqualTo(new Access(AccessLevel.SUBSCRIBER, false, AccessReason.LOGIN_REQUIRED, null));
        }

        @Test
        void everySignedInReaderButSubscribersNeedsASubscription() {
            for (ReaderAccount reader : new ReaderAccount[] {UNACTIVATED, ACTIVATED, LAPSED_SUBSCRIBER}) {
                Access access = decide(AccessLevel.SUBSCRIBER, reader, NOTHING_USED);
                assertThat(access.granted()).as(reader.id()).isFalse();
                assertThat(access.reason()).as(reader.id()).isEqualTo(AccessReason.SUBSCRIPTION_REQUIRED);
                assertThat(access.meter()).as(reader.id()).isNotNull();
            }
        }

        @Test
        void creditsNeverUnlockThem() {
            assertThat(decide(AccessLevel.SUBSCRIBER, ACTIVATED, THIS_ONE_UNLOCKED).reason())
                    .isEqualTo(AccessReason.SUBSCRIPTION_REQUIRED);
        }

        @Test
        void subscribersReadThem() {
            Access access = decide(AccessLevel.SUBSCRIBER, SUBSCRIBER, NOTHING_USED);

            assertThat(access.granted()).isTrue();
            assertThat(access.reason()).isNull();
            assertThat(access.meter()).isNotNull();
        }
    }

    @Nested
    class SpendingCredits {
        @Test
        void onlyActivatedNonSubscribersSpendCreditsAndOnlyOnMeteredArticles() {
            assertThat(POLICY.maySpendCredit(AccessLevel.METERED, ACTIVATED, NOW)).isTrue();
            assertThat(POLICY.maySpendCredit(AccessLevel.METERED, LAPSED_SUBSCRIBER, NOW)).isTrue();
            assertThat(POLICY.maySpendCredit(AccessLevel.METERED, UNACTIVATED, NOW)).isFalse();
            assertThat(POLICY.maySpendCredit(AccessLevel.METERED, SUBSCRIBER, NOW)).isFalse();
            assertThat(POLICY.maySpendCredit(AccessLevel.FREE, ACTIVATED, NOW)).isFalse();
            assertThat(POLICY.maySpendCredit(AccessLevel.SUBSCRIBER, ACTIVATED, NOW)).isFalse();
        }

        @Test
        void nobodySpendsCreditsWhenTheLimitIsZero() {
            assertThat(new AccessPolicy(0).maySpendCredit(AccessLevel.METERED, ACTIVATED, NOW)).isFalse();
        }
    }
}
