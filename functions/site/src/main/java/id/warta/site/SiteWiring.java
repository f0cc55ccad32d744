package id.warta.site;

import id.warta.dynamo.DynamoContentRepository;
import id.warta.dynamo.DynamoRecommendations;
import id.warta.dynamo.DynamoViewLog;
import id.warta.recommendations.Recommendations;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

/** The site function's object graph, built once per container: one client, the content and recommendation adapters. */
final class SiteWiring {
    /** The sections in every page's navigation, in their order. */
    static final List<String> SECTIONS = List.of("nasional", "politik", "ekonomi", "hukum", "internasional",
            "olahraga", "teknologi", "sains", "opini");

    private SiteWiring() {
    }

    static Site wire(SiteConfig config, DynamoDbClient dynamo, Clock clock) {
        DynamoContentRepository content = new DynamoContentRepository(dynamo, config.contentTable(), clock);
        // The pages are the same for every reader, so they ask for ReaderKey.ANONYMOUS, whose history
        // is empty without a read: the site needs no permission on the ActivityTable.
        Recommendations recommendations = new Recommendations(
                new DynamoRecommendations(dynamo, config.recommendationsTable(), clock),
                new DynamoViewLog(dynamo, config.activityTable()), content);
        return assemble(content, recommendations, config.siteUrl(), config.apiUrl(), config.freeArticles(),
                config.signInProviders(), clock, Feeds.SITEMAP_LIMIT);
    }

    /** The site over any content and recommendations (the tests' in-memory fakes among them). */
    static Site assemble(id.warta.content.ContentRepository content, Recommendations recommendations, String siteUrl,
                         String apiUrl, int freeArticles, List<Views.SignInProvider> signInProviders, Clock clock,
                         int sitemapLimit) {
        SiteLinks links = new SiteLinks(siteUrl);
        Assets assets = new Assets();
        Pages pages = new Pages(content, recommendations, new Templates(), links, assets, SECTIONS, apiUrl, freeArticles,
                signInProviders, clock);
        return new Site(pages, new Feeds(content, links, clock, sitemapLimit), assets);
    }
}
