package id.warta.site;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import id.warta.content.ContentRepository;
import id.warta.config.Env;
import id.warta.content.Edition;
import id.warta.http.testing.EventFixtures;
import id.warta.logging.EventLog;
import id.warta.recommendations.RankedList;
import id.warta.recommendations.Recommendations;
import id.warta.testing.InMemoryContentRepository;
import id.warta.testing.InMemoryRecommendationStore;
import id.warta.testing.InMemoryViewLog;
import id.warta.testing.SampleContent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The site over in-memory content shaped like the events/site fixtures: a free article and a metered
 * one in "ekonomi", a cover story, and older articles enough for a second page of the section.
 */
final class SiteFixture {
    static final Instant NOW = Instant.parse("2026-12-04T03:15:00Z");
    static final String SITE = "https://warta.example";
    static final String API = "https://api.warta.example";
    static final int FREE_ARTICLES = 2;
    static final String GOOGLE_AUTHORIZATION = "https://accounts.google.com/o/oauth2/v2/auth";
    static final String APPLE_AUTHORIZATION = "https://appleid.apple.com/auth/authorize";
    static final String FACEBOOK_AUTHORIZATION = "https://www.facebook.com/dialog/oauth";
    /** The sign-in providers of the template, each with two client ids, and Facebook's addresses trusted. */
    static final Map<String, String> SIGN_IN_ENVIRONMENT = Map.of(
            "GOOGLE_CLIENT_IDS", "warta-web,warta-ios", "GOOGLE_AUTHORIZATION_URL", GOOGLE_AUTHORIZATION,
            "APPLE_CLIENT_IDS", "id.warta.web,id.warta.ios", "APPLE_AUTHORIZATION_URL", APPLE_AUTHORIZATION,
            "FACEBOOK_APP_IDS", "1234567890,987654321", "FACEBOOK_AUTHORIZATION_URL", FACEBOOK_AUTHORIZATION,
            "FACEBOOK_EMAILS_VERIFIED", "true");
    static final String FREE = "harga-beras-medium-naik-di-pasar-induk";
    static final String METERED = "petani-karawang-tunda-tanam-karena-pupuk-langka";
    static final String COVER = "jerat-tengkulak-di-lumbung-padi";

    final InMemoryContentRepository content = new InMemoryContentRepository();
    final InMemoryRecommendationStore store = new InMemoryRecommendationStore();
    final List<String> logLines = new ArrayList<>();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    SiteFixture() {
        content.save(SampleContent.article(FREE, "ekonomi", Edition.WEB, false, SampleContent.minutesBefore(NOW, 5), "beras"));
        content.save(SampleContent.article(METERED, "ekonomi", Edition.KORAN, false, SampleContent.minutesBefore(NOW, 90)));
        content.save(SampleContent.article(COVER, "ekonomi", Edition.KORAN, true, SampleContent.minutesBefore(NOW, 60 * 30)));
        for (int i = 0; i < Pages.SECTION_PAGE + 5; i++) {
            content.save(SampleContent.article("arsip-ekonomi-" + i, "ekonomi", Edition.WEB, false,
                    SampleContent.minutesBefore(NOW, 60L * 24 * (3 + i))));
        }
        content.save(SampleContent.video("video-banjir", SampleContent.minutesBefore(NOW, 30)));
        store.saveLists(List.of(RankedList.trending(RankedList.ALL_SECTIONS, List.of(summary(FREE)))));
        content.saveEditorsPicks(List.of(METERED, COVER));
    }

    ArticleSummary summary(String slug) {
        return content.findArticle(slug).orElseThrow().summary();
    }

    void save(Article article) {
        content.save(article);
    }

    SiteHandler handler() {
        return handler(content, Feeds.SITEMAP_LIMIT);
    }

    SiteHandler handler(ContentRepository repository, int sitemapLimit) {
        Site site = SiteWiring.assemble(repository, new Recommendations(store, new InMemoryViewLog(), repository),
                SITE, API, FREE_ARTICLES, SiteConfig.signInProviders(new Env(SIGN_IN_ENVIRONMENT)), clock, sitemapLimit);
        return new SiteHandler(site, API, new EventLog("site", logLines::add));
    }

    APIGatewayV2HTTPResponse fixture(String name) {
        return handler().handleRequest(EventFixtures.httpEvent("site/" + name + ".json"), null);
    }

    /** A GET of any path, shaped like the fixtures. */
    APIGatewayV2HTTPResponse get(String pathAndQuery) {
        return get(handler(), pathAndQuery);
    }

    static APIGatewayV2HTTPResponse get(SiteHandler handler, String pathAndQuery) {
        APIGatewayV2HTTPEvent event = EventFixtures.httpEvent("site/home.json");
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        if (question >= 0) {
            java.util.Map<String, String> query = new java.util.HashMap<>();
            for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8));
            }
            event.setQueryStringParameters(query);
            event.setRawQueryString(pathAndQuery.substring(question + 1));
        }
        return handler.handleRequest(event, null);
    }
}
