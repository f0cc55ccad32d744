package id.warta.paywall;

import id.warta.reader.ReaderAccount;
import id.warta.content.AccessLevel;

import java.time.Instant;
import java.util.Optional;

/**
 * The paywall's one decision, shared by the read and the view routes: what a reader may read of an
 * article, and whether a view may spend one of the period's free credits on it. Subscribers read
 * everything and are never metered.
 */
public final class AccessPolicy {
    private final int freeArticlesPerMonth;

    /** @param freeArticlesPerMonth the template's FreeArticlesPerMonth (env FREE_ARTICLES_PER_MONTH), by the same name all the way */
    public AccessPolicy(int freeArticlesPerMonth) {
        if (freeArticlesPerMonth < 0) {
            throw new IllegalArgumentException("The free article limit cannot be negative");
        }
        this.freeArticlesPerMonth = freeArticlesPerMonth;
    }

    public int freeArticlesPerMonth() {
        return freeArticlesPerMonth;
    }

    /** The reader's meter as the contract shows it, for the month (Asia/Jakarta) containing {@code now}. */
    public MeterJson meter(MeterState state, Instant now) {
        return MeterJson.of(freeArticlesPerMonth, state, MeterPeriod.containing(now));
    }

    /**
     * @param account the signed-in reader, empty when anonymous
     * @param meter   that reader's meter for the period containing {@code now} (ignored when anonymous)
     */
    public Access decide(AccessLevel level, String slug, Optional<ReaderAccount> account, MeterState meter, Instant now) {
        if (account.isEmpty()) {
            return level == AccessLevel.FREE ? granted(level, null) : denied(level, AccessReason.LOGIN_REQUIRED, null);
        }
        ReaderAccount reader = account.get();
        MeterJson meterJson = meter(meter, now);
        if (level == AccessLevel.FREE || reader.subscriberAt(now)) {
            return granted(level, meterJson);
        }
        if (level == AccessLevel.SUBSCRIBER) {
            return denied(level, AccessReason.SUBSCRIPTION_REQUIRED, meterJson);
        }
        if (!reader.activated()) {
            return denied(level, AccessReason.ACTIVATION_REQUIRED, meterJson);
        }
        if (meter.unlocked().contains(slug)) {
            return granted(level, meterJson);
        }
        return denied(level, meterJson.remaining() > 0 ? null : AccessReason.QUOTA_EXHAUSTED, meterJson);
    }

    /** Whether a view by this reader may spend a credit on an article of this level (if any credit is left). */
    public boolean maySpendCredit(AccessLevel level, ReaderAccount reader, Instant now) {
        return level == AccessLevel.METERED && reader.activated() && !reader.subscriberAt(now)
                && freeArticlesPerMonth > 0;
    }

    private static Access granted(AccessLevel level, MeterJson meter) {
        return new Access(level, true, null, meter);
    }

    private static Access denied(AccessLevel level, AccessReason reason, MeterJson meter) {
        return new Access(level, false, reason, meter);
    }
}
