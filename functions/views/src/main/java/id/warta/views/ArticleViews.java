package id.warta.views;

import id.warta.reader.ReaderAccount;
import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import id.warta.activity.ViewCeiling;
import id.warta.activity.ViewLog;
import id.warta.content.AccessLevel;
import id.warta.content.Article;
import id.warta.reader.Reader;
import id.warta.identity.AccessClaims;
import id.warta.paywall.Access;
import id.warta.paywall.AccessPolicy;
import id.warta.paywall.MeterPeriod;
import id.warta.paywall.MeterState;
import id.warta.paywall.MeterUnlocks;
import id.warta.paywall.Meters;
import id.warta.paywall.PaywallMetrics;
import id.warta.paywall.ReadingContext;
import id.warta.paywall.ReadingContexts;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One view of an article: recorded for trending and recommendations, and for an activated reader
 * with credit left, the unlock of a metered article for the rest of the period. Crawlers get the
 * same answer but leave no trace and spend nothing. A view counts once per reader, article and hour
 * (a reader without any id is known by a pseudonym of its network for the hour), and only while its
 * network is below the per-minute ceiling; neither rule changes the answer or the unlock. Each view
 * of a metered article by a reader reports how its unlock ended ({@link PaywallMetrics}). Plain
 * Java; the handler maps it to HTTP.
 */
final class ArticleViews {
    /** What a view without a source address is counted under (never in AWS, where API Gateway always gives one). */
    private static final String UNKNOWN_NETWORK = "unknown";
    /** An anonymous reader's view: no meter, nothing spent. */
    private static final MeterUnlocks.Attempt NOTHING_SPENT = new MeterUnlocks.Attempt(MeterState.EMPTY, false);

    private final ReadingContexts readings;
    private final Meters meters;
    private final MeterUnlocks unlocks;
    private final ViewLog views;
    private final ViewCeiling ceiling;
    private final NetworkPseudonyms networks;
    private final AccessPolicy policy;
    private final PaywallMetrics metrics;
    private final Clock clock;

    ArticleViews(ReadingContexts readings, Meters meters, MeterUnlocks unlocks, ViewLog views, ViewCeiling ceiling,
                 NetworkPseudonyms networks, AccessPolicy policy, PaywallMetrics metrics, Clock clock) {
        this.readings = readings;
        this.meters = meters;
        this.unlocks = unlocks;
        this.views = views;
        this.ceiling = ceiling;
        this.networks = networks;
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @return the reader's access to the article after the view, or empty for an unknown article; a
     * token whose account is gone or whose credentials changed is 401
     */
    Optional<Access> view(String slug, Optional<AccessClaims> claims, Optional<String> browserId, boolean crawler,
                          Optional<String> sourceIp) {
        Instant now = clock.instant();
        ReadingContext context = readings.load(slug, claims.map(AccessClaims::accountId), Optional.empty());
        Reader reader = Reader.of(claims, browserId, context.account());
        if (context.article().isEmpty()) {
            return Optional.empty();
        }
        Article article = context.article().get();
        AccessLevel level = article.summary().accessLevel();
        MeterUnlocks.Attempt unlock = reader.account()
                .map(account -> meterAfterView(level, article.slug(), account, crawler, now))
                .orElse(NOTHING_SPENT);
        if (!crawler) {
            count(article.slug(), reader.key(), sourceIp.orElse(UNKNOWN_NETWORK), now);
        }
        Access access = policy.decide(level, article.slug(), reader.account(), unlock.meter(), now);
        metrics.view(access, crawler, unlock.creditSpent());
        return Optional.of(access);
    }

    private void count(String slug, ReaderKey readerKey, String sourceIp, Instant now) {
        if (ceiling.admits(networks.of(sourceIp, ChronoUnit.MINUTES, now), now)) {
            ReaderKey viewer = readerKey.isAnonymous()
                    ? ReaderKey.network(networks.of(sourceIp, ChronoUnit.HOURS, now))
                    : readerKey;
            views.record(new View(slug, viewer, now));
        }
    }

    /** The unlock is attempted straight away: the conditional write itself says whether credit was left. */
    private MeterUnlocks.Attempt meterAfterView(AccessLevel level, String slug, ReaderAccount account, boolean crawler,
                                                Instant now) {
        MeterPeriod period = MeterPeriod.containing(now);
        return !crawler && policy.maySpendCredit(level, account, now)
                ? unlocks.unlock(account.id(), period, slug, policy.freeArticlesPerMonth())
                : new MeterUnlocks.Attempt(meters.current(account.id(), period), false);
    }
}
