package id.warta.paywall;

import id.warta.time.Jakarta;

/** The contract's Meter: {"limit", "used", "remaining", "periodEnd"}. */
public record MeterJson(int limit, int used, int remaining, String periodEnd) {

    public static MeterJson of(int limit, MeterState state, MeterPeriod period) {
        int used = Math.min(limit, state.used());
        return new MeterJson(limit, used, Math.max(0, limit - used), Jakarta.iso(period.end()));
    }
}
