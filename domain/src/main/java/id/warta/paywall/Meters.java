package id.warta.paywall;

/** Per-reader, per-period meters (one item each). */
public interface Meters {
    MeterState current(String accountId, MeterPeriod period);
}
