package id.warta.testing;

import id.warta.reader.ReaderAccount;
import id.warta.reader.ReaderAccounts;
import id.warta.content.ContentRepository;
import id.warta.paywall.MeterPeriod;
import id.warta.paywall.MeterState;
import id.warta.paywall.MeterUnlocks;
import id.warta.paywall.Meters;
import id.warta.paywall.ReadingContext;
import id.warta.paywall.ReadingContexts;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of the paywall's store for unit tests: accounts and meters in memory, with the DynamoDB
 * adapters' contract (the unlock is atomic per reader and period, and never exceeds the limit).
 */
public final class InMemoryPaywall implements ReadingContexts, ReaderAccounts, Meters, MeterUnlocks {
    private final ContentRepository content;
    private final Map<String, ReaderAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, MeterState> meters = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    public InMemoryPaywall(ContentRepository content) {
        this.content = content;
    }

    public void save(ReaderAccount account) {
        accounts.put(account.id(), account);
    }

    /** How many unlock attempts reached the store (a GET must never make one). */
    public int unlockAttempts() {
        return writes.get();
    }

    @Override
    public ReadingContext load(String slug, Optional<String> accountId, Optional<MeterPeriod> meterPeriod) {
        Optional<ReaderAccount> account = accountId.flatMap(this::find);
        return new ReadingContext(content.findArticle(slug), account,
                accountId.isEmpty() ? Optional.empty() : meterPeriod.map(period -> current(accountId.get(), period)));
    }

    @Override
    public Optional<ReaderAccount> find(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public MeterState current(String accountId, MeterPeriod period) {
        return meters.getOrDefault(key(accountId, period), MeterState.EMPTY);
    }

    @Override
    public Attempt unlock(String accountId, MeterPeriod period, String slug, int freeArticlesPerMonth) {
        writes.incrementAndGet();
        boolean[] spent = {false};
        MeterState after = meters.compute(key(accountId, period), (key, state) -> {
            MeterState before = state == null ? MeterState.EMPTY : state;
            if (before.unlocked().contains(slug) || before.used() >= freeArticlesPerMonth) {
                return before;
            }
            Set<String> unlocked = new HashSet<>(before.unlocked());
            unlocked.add(slug);
            spent[0] = true;
            return new MeterState(unlocked);
        });
        return new Attempt(after, spent[0]);
    }

    private static String key(String accountId, MeterPeriod period) {
        return accountId + "#" + period.key();
    }
}
