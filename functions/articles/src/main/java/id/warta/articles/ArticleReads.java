package id.warta.articles;

import id.warta.reader.Reader;
import id.warta.reader.ReaderAccount;
import id.warta.content.ArticleFilter;
import id.warta.content.ArticleSummary;
import id.warta.content.Sections;
import id.warta.content.ContentRepository;
import id.warta.content.Edition;
import id.warta.content.InvalidCursorException;
import id.warta.content.Page;
import id.warta.identity.AccessClaims;
import id.warta.paywall.Access;
import id.warta.paywall.AccessPolicy;
import id.warta.paywall.MeterPeriod;
import id.warta.paywall.MeterState;
import id.warta.paywall.PaywallMetrics;
import id.warta.paywall.ReadingContext;
import id.warta.paywall.ReadingContexts;
import id.warta.errors.ValidationFailed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side of content: listings, one article, videos. Plain Java; the handler maps it to HTTP. */
final class ArticleReads {

    private final ContentRepository content;
    private final ReadingContexts readings;
    private final AccessPolicy policy;
    private final PaywallMetrics metrics;
    private final Clock clock;

    ArticleReads(ContentRepository content, ReadingContexts readings, AccessPolicy policy, PaywallMetrics metrics,
                 Clock clock) {
        this.content = content;
        this.readings = readings;
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Unknown sections and editions are empty feeds, not errors; a cursor this listing did not give out is. */
    ArticleJson.Listing list(Optional<String> section, Optional<String> edition, int limit, Optional<String> cursor) {
        Optional<String> sectionFilter = section.filter(s -> !s.isEmpty());
        Optional<String> editionFilter = edition.filter(e -> !e.isEmpty());
        Optional<Edition> knownEdition = editionFilter.flatMap(Edition::fromWireName);
        boolean unknownFeed = (editionFilter.isPresent() && knownEdition.isEmpty())
                || sectionFilter.map(s -> !Sections.mayExist(s)).orElse(false);
        Page<ArticleSummary> page;
        try {
            page = unknownFeed
                    ? new Page<>(List.of(), Optional.empty())
                    : content.listArticles(new ArticleFilter(sectionFilter, knownEdition), limit, cursor);
        } catch (InvalidCursorException e) {
            throw new ValidationFailed(Map.of("cursor", "kursor tidak valid"));
        }
        Instant now = clock.instant();
        return new ArticleJson.Listing(page.items().stream().map(s -> ArticleJson.summary(s, now)).toList(),
                page.nextCursor().orElse(null));
    }

    /**
     * The article as this reader may read it: in full, or the teaser when access is not granted.
     * Reads the article, account and meter together and never writes. Empty for an unknown article;
     * a token whose account is gone or whose credentials changed is 401. Each article answered
     * reports the decision ({@link PaywallMetrics#read}).
     */
    Optional<ArticleJson.Full> article(String slug, Optional<AccessClaims> claims) {
        Instant now = clock.instant();
        ReadingContext context = readings.load(slug, claims.map(AccessClaims::accountId),
                Optional.of(MeterPeriod.containing(now)));
        Optional<ReaderAccount> account = Reader.of(claims, Optional.empty(), context.account()).account();
        return context.article().map(article -> {
            Access access = policy.decide(article.summary().accessLevel(), article.slug(), account,
                    context.meter().orElse(MeterState.EMPTY), now);
            metrics.read(access);
            return ArticleJson.full(article, access, now);
        });
    }

    /** "Pilihan Editor" in the editors' order. */
    ArticleJson.Items<ArticleJson.Summary> editorsPicks() {
        Instant now = clock.instant();
        return new ArticleJson.Items<>(content.editorsPicks().stream().map(s -> ArticleJson.summary(s, now)).toList());
    }

    ArticleJson.Items<ArticleJson.VideoItem> videos(int limit) {
        Instant now = clock.instant();
        return new ArticleJson.Items<>(content.latestVideos(limit).stream().map(v -> ArticleJson.video(v, now)).toList());
    }
}
