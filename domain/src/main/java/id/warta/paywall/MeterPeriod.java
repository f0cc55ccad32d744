package id.warta.paywall;

import id.warta.time.Jakarta;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

/** A metering period: one calendar month in Asia/Jakarta. */
public record MeterPeriod(YearMonth month) {
    /** How long a finished period's meter is kept (for support questions) before its TTL removes it. */
    public static final Duration KEPT_AFTER_END = Duration.ofDays(42);

    public static MeterPeriod containing(Instant instant) {
        return new MeterPeriod(YearMonth.from(instant.atZone(Jakarta.ZONE)));
    }

    /** The first instant of the next month in Jakarta, e.g. 2026-12-01T00:00:00+07:00. */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(Jakarta.ZONE).toInstant();
    }

    /** When the meter of this period may be deleted (its TTL). */
    public Instant expiresAt() {
        return end().plus(KEPT_AFTER_END);
    }

    /** "2026-11". */
    public String key() {
        return month.toString();
    }
}
