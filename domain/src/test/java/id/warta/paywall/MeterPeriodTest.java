package id.warta.paywall;

import id.warta.reader.ReaderAccount;
import id.warta.content.AccessLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Periods are calendar months in Jakarta (UTC+7): a new one starts while UTC is still on the previous day. */
class MeterPeriodTest {
    /** 30 November 2026, 23:59 in Jakarta. */
    private static final Instant LAST_MINUTE_OF_NOVEMBER = Instant.parse("2026-11-30T16:59:00Z");
    /** 1 December 2026, 00:00 in Jakarta, still 30 November in UTC. */
    private static final Instant FIRST_MINUTE_OF_DECEMBER = Instant.parse("2026-11-30T17:00:00Z");

    @Test
    void theLastMinuteOfAMonthInJakartaBelongsToThatMonth() {
        MeterPeriod period = MeterPeriod.containing(LAST_MINUTE_OF_NOVEMBER);

        assertThat(period.key()).isEqualTo("2026-11");
        assertThat(period.end()).isEqualTo(FIRST_MINUTE_OF_DECEMBER);
    }

    @Test
    void midnightInJakartaStartsTheNextMonthWhileUtcIsStillOnThePreviousDay() {
        MeterPeriod period = MeterPeriod.containing(FIRST_MINUTE_OF_DECEMBER);

        assertThat(period.key()).isEqualTo("2026-12");
        assertThat(MeterJson.of(2, MeterState.EMPTY, period).periodEnd()).isEqualTo("2027-01-01T00:00:00+07:00");
    }

    @Test
    void aReaderWhoExhaustedTheQuotaAt2359HasFreshCreditAtMidnight() {
        AccessPolicy policy = new AccessPolicy(2);
        ReaderAccount reader = new ReaderAccount("a-1", true, null, 0);
        MeterState november = new MeterState(Set.of("satu", "dua"));

        Access before = policy.decide(AccessLevel.METERED, "tiga", Optional.of(reader), november, LAST_MINUTE_OF_NOVEMBER);
        Access after = policy.decide(AccessLevel.METERED, "tiga", Optional.of(reader), MeterState.EMPTY,
                FIRST_MINUTE_OF_DECEMBER);

        assertThat(before.reason()).isEqualTo(AccessReason.QUOTA_EXHAUSTED);
        assertThat(before.meter().periodEnd()).isEqualTo("2026-12-01T00:00:00+07:00");
        assertThat(after.reason()).isNull();
        assertThat(after.meter().remaining()).isEqualTo(2);
        assertThat(after.meter().periodEnd()).isEqualTo("2027-01-01T00:00:00+07:00");
    }

    @Test
    void theMeterExpiresSomeWeeksAfterThePeriodEnds() {
        MeterPeriod november = new MeterPeriod(YearMonth.of(2026, 11));

        assertThat(november.expiresAt()).isEqualTo(Instant.parse("2027-01-11T17:00:00Z"));
    }
}
