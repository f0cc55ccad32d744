package id.warta.site;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import id.warta.config.Env;
import id.warta.content.Article;
import id.warta.content.ArticleSummary;
import id.warta.content.Edition;
import id.warta.content.EditorsPick;
import id.warta.content.Image;
import id.warta.json.Json;
import id.warta.http.testing.EventFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page rendered from the events/site fixtures over in-memory content, read back with jsoup. */
class SitePagesTest {
    private static final String PAGE_CACHE = "public, max-age=60, stale-while-revalidate=300";

    private final SiteFixture site = new SiteFixture();

    private static Document html(APIGatewayV2HTTPResponse response) {
        assertThat(response.getHeaders().get("content-type")).isEqualTo("text/html; charset=utf-8");
        return Jsoup.parse(response.getBody(), SiteFixture.SITE);
    }

    private static JsonNode jsonLd(Document page) {
        List<Element> blocks = page.select("script[type=application/ld+json]");
        assertThat(blocks).hasSize(1);
        try {
            return Json.mapper().readTree(blocks.getFirst().data());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String meta(Document page, String key) {
        Element tag = page.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
        return tag == null ? null : tag.attr("content");
    }

    @Test
    void everyPageCarriesTheSecurityHeadersAndAStrictPolicyWithoutInlineScript() {
        for (String fixture : List.of("home", "section", "article", "metered-article", "unknown-path", "video", "masuk",
                "aktivasi", "sitemap", "rss", "robots", "post-home", "article-wrong-section")) {
            APIGatewayV2HTTPResponse response = site.fixture(fixture);
            String csp = response.getHeaders().get("content-security-policy");
            assertThat(csp).as(fixture).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                    "frame-ancestors 'none'", "connect-src 'self' " + SiteFixture.API).doesNotContain("unsafe-inline");
            assertThat(response.getHeaders()).as(fixture).containsEntry("x-content-type-options", "nosniff")
                    .containsKey("referrer-policy");
            assertThat(response.getStatusCode()).as(fixture).isLessThan(500);
        }
    }

    @Test
    void theHomePageShowsTerbaruPilihanEditorTerpopulerAndVideoPilihanAndMayBeCachedBriefly() {
        APIGatewayV2HTTPResponse response = site.fixture("home");
        Document page = html(response);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("cache-control")).isEqualTo(PAGE_CACHE);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("id");
        assertThat(page.select("h2").eachText()).contains("Terbaru", "Pilihan Editor", "Terpopuler", "Video Pilihan");
        assertThat(page.select("section[aria-labelledby=pilihan-editor] h3 a").eachAttr("href")).as("the editors' order")
                .containsExactly("/ekonomi/" + SiteFixture.METERED, "/ekonomi/" + SiteFixture.COVER);
        assertThat(page.select("section.latest h3 a").eachAttr("href")).startsWith(
                "/ekonomi/" + SiteFixture.FREE, "/ekonomi/" + SiteFixture.METERED);
        assertThat(page.select("section.latest time").first().text()).isEqualTo("5 menit lalu");
        assertThat(page.select("section.latest img")).allSatisfy(img -> {
            assertThat(img.attr("loading")).isEqualTo("lazy");
            assertThat(img.attr("width")).isNotEmpty();
            assertThat(img.attr("height")).isNotEmpty();
        });
        assertThat(page.select("main, header, footer, nav")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(page.select("script").eachAttr("src")).as("one script on a reading page, the site's own file")
                .singleElement().asString().matches("/assets/site\\.[0-9a-f]{10}\\.js");
        assertThat(page.select("link[rel=stylesheet]").eachAttr("abs:href"))
                .as("stylesheets come from the site itself")
                .allSatisfy(href -> assertThat(href).startsWith(SiteFixture.SITE));
    }

    @Test
    void theStylesheetIsServedUnderItsContentHashForAYear() {
        Document page = html(site.fixture("home"));
        String stylesheet = page.selectFirst("link[rel=stylesheet]").attr("href");

        APIGatewayV2HTTPResponse css = site.get(stylesheet);

        assertThat(stylesheet).matches("/assets/site\\.[0-9a-f]{10}\\.css");
        assertThat(css.getStatusCode()).isEqualTo(200);
        assertThat(css.getHeaders()).containsEntry("content-type", "text/css; charset=utf-8")
                .containsEntry("cache-control", "public, max-age=31536000, immutable");
        assertThat(css.getBody()).contains(".paywall");
        assertThat(site.get("/assets/site.0000000000.css").getStatusCode()).as("another version's name").isEqualTo(404);
        assertThat(site.get("/assets/site.css").getStatusCode()).as("the unhashed name").isEqualTo(404);
    }

    @Test
    void everyPageLinksTheSiteIconSoBrowsersDoNotAskForAMissingFaviconIco() {
        for (String fixture : List.of("home", "article")) {
            String icon = html(site.fixture(fixture)).selectFirst("link[rel=icon]").attr("href");

            APIGatewayV2HTTPResponse svg = site.get(icon);

            assertThat(icon).as(fixture).matches("/assets/favicon\\.[0-9a-f]{10}\\.svg");
            assertThat(svg.getStatusCode()).isEqualTo(200);
            assertThat(svg.getHeaders()).containsEntry("content-type", "image/svg+xml");
        }
    }

    @Test
    void aFreeArticleShowsItsWholeBodyWithTheLabelledAdSlotAndItsMarkup() {
        APIGatewayV2HTTPResponse response = site.fixture("article");
        Document page = html(response);
        Article article = site.content.findArticle(SiteFixture.FREE).orElseThrow();
        String canonical = SiteFixture.SITE + "/ekonomi/" + SiteFixture.FREE;

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("cache-control")).isEqualTo(PAGE_CACHE);
        assertThat(page.selectFirst("h1").text()).isEqualTo(article.summary().title());
        assertThat(page.select("#article-body > p").eachText()).containsExactlyElementsOf(article.body());
        assertThat(page.select("#article-body.paywalled")).isEmpty();
        Element ad = page.selectFirst("#article-body > .ad-slot");
        assertThat(ad.selectFirst(".ad-label").text()).isEqualTo("Iklan");
        assertThat(ad.selectFirst(".ad-continue").text()).isEqualTo("Scroll Untuk Melanjutkan");
        assertThat(ad.previousElementSiblings()).hasSize(2);
        assertThat(page.selectFirst(".reporter").text()).isEqualTo("Reporter Uji");
        assertThat(page.selectFirst(".editor").text()).isEqualTo("Editor Uji");
        assertThat(page.selectFirst("header time").attr("datetime")).isEqualTo("2026-12-04T10:10:00+07:00");
        assertThat(page.selectFirst("header time").text()).isEqualTo("Jumat, 4 Desember 2026 10:10 WIB");
        assertThat(page.selectFirst(".relative").text()).isEqualTo("5 menit lalu");
        assertThat(page.selectFirst("figcaption").text()).contains("Keterangan foto", "Warta/Fotografer");
        assertThat(page.selectFirst(".editors-pick").text()).contains("Pilihan Editor", "Pilihan editor");
        assertThat(page.selectFirst(".sources").text()).isEqualTo("ANTARA");
        assertThat(page.select(".tags li").eachText()).containsExactly("beras");
        assertThat(page.select("h2").eachText()).contains("Rekomendasi Artikel", "Video Pilihan");
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(canonical);
        assertThat(meta(page, "og:url")).isEqualTo(canonical);
        assertThat(meta(page, "og:type")).isEqualTo("article");
        assertThat(meta(page, "og:title")).isEqualTo(article.summary().title());
        assertThat(meta(page, "og:image")).isEqualTo(article.summary().image().url());
        assertThat(meta(page, "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(page, "twitter:title")).isEqualTo(article.summary().title());

        JsonNode ld = jsonLd(page);
        assertThat(ld.path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(ld.path("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.path("headline").asText()).isEqualTo(article.summary().title());
        assertThat(ld.path("datePublished").asText()).isEqualTo("2026-12-04T10:10:00+07:00");
        assertThat(ld.path("dateModified").asText()).isEqualTo("2026-12-04T10:10:00+07:00");
        assertThat(ld.path("author").get(0).path("@type").asText()).isEqualTo("Person");
        assertThat(ld.path("author").get(0).path("name").asText()).isEqualTo("Reporter Uji");
        assertThat(ld.path("image").get(0).asText()).isEqualTo(article.summary().image().url());
        assertThat(ld.path("publisher").path("name").asText()).isEqualTo("Warta");
        assertThat(ld.path("mainEntityOfPage").path("@id").asText()).isEqualTo(canonical);
        assertThat(ld.path("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(ld.has("hasPart")).isFalse();
    }

    @Test
    void aMeteredArticleHoldsOnlyItsTeaserMarkedAsThePaywalledPart() {
        APIGatewayV2HTTPResponse response = site.fixture("metered-article");
        Document page = html(response);
        Article article = site.content.findArticle(SiteFixture.METERED).orElseThrow();

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("cache-control")).isEqualTo(PAGE_CACHE);
        assertThat(page.select("#article-body > p").eachText()).containsExactlyElementsOf(article.teaser());
        for (String hidden : article.body().subList(article.teaser().size(), article.body().size())) {
            assertThat(response.getBody()).doesNotContain(hidden);
        }
        JsonNode ld = jsonLd(page);
        assertThat(ld.path("isAccessibleForFree").asBoolean(true)).isFalse();
        assertThat(ld.path("hasPart").path("@type").asText()).isEqualTo("WebPageElement");
        assertThat(ld.path("hasPart").path("isAccessibleForFree").asBoolean(true)).isFalse();
        List<Element> paywalled = page.select(ld.path("hasPart").path("cssSelector").asText());
        assertThat(paywalled).hasSize(1);
        assertThat(paywalled.getFirst().id()).isEqualTo("article-body");
        Element paywall = page.selectFirst("#paywall");
        assertThat(paywall.select("a").eachText()).containsExactly("Masuk", "Daftar");
    }

    @Test
    void aCoverStoryHoldsOnlyItsTeaserAndSaysItIsForSubscribers() {
        Document page = html(site.get("/ekonomi/" + SiteFixture.COVER));
        Article article = site.content.findArticle(SiteFixture.COVER).orElseThrow();

        assertThat(page.select("#article-body > p").eachText()).containsExactlyElementsOf(article.teaser());
        assertThat(page.selectFirst("#paywall h2").text()).contains("Laput");
        assertThat(jsonLd(page).path("hasPart").path("cssSelector").asText()).isEqualTo(".paywalled");
    }

    @Test
    void anArticleUnderAnotherSectionMovesPermanentlyToItsOwn() {
        APIGatewayV2HTTPResponse response = site.fixture("article-wrong-section");

        assertThat(response.getStatusCode()).isEqualTo(301);
        assertThat(response.getHeaders().get("location")).isEqualTo("/ekonomi/" + SiteFixture.FREE);
    }

    @Test
    void unknownArticlesSectionsAndPathsAreTheHtml404PageInTheSiteLayout() {
        for (String path : List.of("/ekonomi/tidak-ada-artikel-ini", "/a/b/c", "/tidak-ada-rubrik", "/EKONOMI",
                "/ekonomi/", "/ekonomi/Bukan_Slug", "/tidak-ada-rubrik/rss.xml", "/sitemap-1.xml", "/sitemap-0.xml")) {
            APIGatewayV2HTTPResponse response = site.get(path);
            Document page = html(response);

            assertThat(response.getStatusCode()).as(path).isEqualTo(404);
            assertThat(page.selectFirst("h1").text()).as(path).isEqualTo("Halaman tidak ditemukan");
            assertThat(page.select("nav.sections a").eachText()).as(path).contains("Beranda", "Ekonomi");
            assertThat(meta(page, "robots")).as(path).isEqualTo("noindex");
        }
        assertThat(site.fixture("unknown-article").getStatusCode()).isEqualTo(404);
    }

    @Test
    void aSectionListsItsLatestArticlesWithABerikutnyaLinkToTheNextPage() {
        Document first = html(site.fixture("section"));

        assertThat(first.selectFirst("h1").text()).isEqualTo("Ekonomi");
        assertThat(first.select("section.latest article")).hasSize(Pages.SECTION_PAGE);
        Element next = first.selectFirst("a[rel=next]");
        assertThat(next.text()).isEqualTo("Berikutnya");

        APIGatewayV2HTTPResponse second = site.get(next.attr("href"));
        Document secondPage = html(second);

        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(secondPage.select("section.latest article")).hasSize(28 - Pages.SECTION_PAGE);
        assertThat(secondPage.selectFirst("a[rel=next]")).isNull();
        assertThat(meta(secondPage, "robots")).isEqualTo("noindex");
        assertThat(site.fixture("section-invalid-cursor").getStatusCode()).isEqualTo(400);
        assertThat(site.get("/ekonomi?cursor=" + "x".repeat(600)).getStatusCode()).isEqualTo(400);
    }

    @Test
    void hostileContentRendersAsTextEverywhere() {
        String hostile = "<script>alert(1)</script></script><!-- \" onmouseover=\"alert(2)";
        ArticleSummary summary = new ArticleSummary("id-jahat", "judul-jahat", hostile, hostile, "ekonomi", Edition.KORAN,
                false, SiteFixture.NOW, new Image("https://img.warta.example/x.jpg\" onerror=\"alert(3)", hostile, hostile),
                true, List.of(hostile));
        site.save(new Article(summary, hostile, hostile, List.of(hostile), new EditorsPick("pilihan", hostile),
                List.of(hostile, hostile, hostile)));

        for (String path : List.of("/ekonomi/judul-jahat", "/", "/ekonomi")) {
            APIGatewayV2HTTPResponse response = site.get(path);
            Document page = html(response);

            assertThat(page.select("script:not([type=application/ld+json])")).as(path + ": only the site's script file")
                    .allSatisfy(script -> assertThat(script.attr("src")).startsWith("/assets/site."));
            assertThat(page.select("[onmouseover], [onerror]")).as(path).isEmpty();
            assertThat(response.getBody()).as(path).doesNotContain("<script>alert");
        }
        Document article = html(site.get("/ekonomi/judul-jahat"));
        assertThat(article.selectFirst("h1").text()).isEqualTo(hostile);
        assertThat(jsonLd(article).path("headline").asText()).isEqualTo(hostile);
        assertThat(article.selectFirst("script[type=application/ld+json]").data()).doesNotContain("<", ">");
        assertThat(meta(article, "og:title")).isEqualTo(hostile);
    }

    @Test
    void sponsoredRecommendationsAreFlaggedIklanWithTheThirdPartyNotice() {
        ArticleSummary sponsored = new ArticleSummary("id-sponsor", "promo-bank", "Promo bank", "Bersponsor", "ekonomi",
                Edition.WEB, false, SiteFixture.NOW, null, true, List.of());
        // Lists are checked against what readers may see when they are read: the sponsor's article is published.
        site.save(new Article(sponsored, "Redaksi Iklan", "Redaksi Iklan", List.of(), null, List.of("Isi promosi.")));
        site.store.saveLists(List.of(id.warta.recommendations.RankedList.related(SiteFixture.FREE,
                List.of(sponsored, site.summary(SiteFixture.METERED)))));

        Document page = html(site.fixture("article"));

        assertThat(page.select(".related .card").first().selectFirst(".sponsored").text()).isEqualTo("Iklan");
        assertThat(page.selectFirst(".sponsored-notice").text()).contains("pihak ketiga", "bukan oleh redaksi");
    }

    @Test
    void theFormPagesHaveLabelledFieldsAndCanBeCached() {
        for (String path : List.of("/masuk", "/daftar", "/lupa-kata-sandi")) {
            APIGatewayV2HTTPResponse response = site.get(path);
            Document page = html(response);

            assertThat(response.getStatusCode()).as(path).isEqualTo(200);
            assertThat(response.getHeaders().get("cache-control")).as(path).isEqualTo(PAGE_CACHE);
            assertThat(page.select("form input")).as(path).isNotEmpty().allSatisfy(input ->
                    assertThat(page.select("label[for=" + input.id() + "]")).as(path + " #" + input.id()).hasSize(1));
        }
        assertThat(html(site.get("/masuk")).select("main input").eachAttr("type")).containsExactly("email", "password", "checkbox");
        assertThat(html(site.get("/masuk")).selectFirst("label[for=remember]").text()).isEqualTo("Ingat saya");
        assertThat(html(site.get("/daftar")).select("main input").eachAttr("name")).containsExactly("name", "email", "password");
    }

    @Test
    void everyPageOffersTheThreeFormsAsDialogsWithLabelledFieldsAndTheirErrorsBesideThem() {
        for (String fixture : List.of("home", "article", "masuk", "unknown-path")) {
            Document page = html(site.fixture(fixture));

            assertThat(page.select("dialog").eachAttr("id")).as(fixture)
                    .containsExactly("dialog-masuk", "dialog-daftar", "dialog-lupa-kata-sandi");
            assertThat(page.select("dialog input")).as(fixture).allSatisfy(input -> {
                assertThat(page.select("label[for=" + input.id() + "]")).as(fixture + " #" + input.id()).hasSize(1);
                if (!input.attr("type").equals("checkbox")) {
                    assertThat(page.getElementById(input.attr("aria-describedby"))).as(input.id()).isNotNull();
                }
            });
            assertThat(page.select("[id]").eachAttr("id")).as(fixture + ": ids are unique").doesNotHaveDuplicates();
            assertThat(page.select(".account a[data-dialog]").eachAttr("href")).containsExactly("/masuk", "/daftar");
        }
    }

    @Test
    void masukMelaluiAsksEachConfiguredProviderForAnIdTokenForItsFirstClientIdAndComesBackToAPageNeverStored() {
        Document page = html(site.fixture("metered-article"));

        assertThat(page.select("#paywall [data-oidc]")).extracting(Element::text)
                .containsExactly("Masuk melalui Google", "Masuk melalui Apple", "Masuk melalui Facebook");
        Element google = page.selectFirst("#paywall [data-oidc=google]");
        assertThat(google.attr("data-authorize")).isEqualTo(SiteFixture.GOOGLE_AUTHORIZATION);
        assertThat(google.attr("data-client-id")).isEqualTo("warta-web");
        assertThat(google.attr("data-response-type")).isEqualTo("id_token");
        assertThat(google.attr("data-response-mode")).as("the fragment, id_token's default").isEmpty();
        assertThat(google.attr("data-prompt")).isEqualTo("select_account");
        Element apple = page.selectFirst("#paywall [data-oidc=apple]");
        assertThat(apple.attr("data-authorize")).isEqualTo(SiteFixture.APPLE_AUTHORIZATION);
        assertThat(apple.attr("data-client-id")).isEqualTo("id.warta.web");
        assertThat(apple.attr("data-response-type")).as("Apple refuses id_token alone").isEqualTo("code id_token");
        assertThat(apple.attr("data-scope")).isEqualTo("name email");
        assertThat(apple.attr("data-response-mode")).as("Apple's only answer to the email scope").isEqualTo("form_post");
        Element facebook = page.selectFirst("#paywall [data-oidc=facebook]");
        assertThat(facebook.attr("data-authorize")).isEqualTo(SiteFixture.FACEBOOK_AUTHORIZATION);
        assertThat(facebook.attr("data-client-id")).isEqualTo("1234567890");
        assertThat(facebook.attr("data-scope")).isEqualTo("openid email");
        assertThat(page.select("#dialog-masuk [data-oidc], #dialog-daftar [data-oidc]")).hasSize(6);
        assertThat(page.select("#dialog-lupa-kata-sandi [data-oidc]")).isEmpty();

        APIGatewayV2HTTPResponse callback = site.get("/masuk-melalui");
        assertThat(callback.getStatusCode()).isEqualTo(200);
        assertThat(callback.getHeaders()).containsEntry("cache-control", "no-store").containsEntry("referrer-policy", "no-referrer");
    }

    @Test
    void aProviderWithoutAClientIdOrAnAuthorizationUrlShowsNoButtonAndFacebookNoneUntilItsAddressesAreTrusted() {
        Map<String, String> environment = new HashMap<>(SiteFixture.SIGN_IN_ENVIRONMENT);
        environment.put("GOOGLE_CLIENT_IDS", "");
        environment.put("APPLE_AUTHORIZATION_URL", " ");
        assertThat(SiteConfig.signInProviders(new Env(environment))).extracting(Views.SignInProvider::name)
                .containsExactly("facebook");

        environment.put("FACEBOOK_EMAILS_VERIFIED", "false");
        assertThat(SiteConfig.signInProviders(new Env(environment))).as("Facebook tokens could sign nobody in").isEmpty();
    }

    @Test
    void applesFormPostIsHandedToTheSignInPageInTheFragmentAndNeverStored() {
        APIGatewayV2HTTPResponse response = site.fixture("apple-sign-in-answer");

        assertThat(response.getStatusCode()).isEqualTo(303);
        assertThat(response.getHeaders()).containsEntry("cache-control", "no-store")
                .containsEntry("referrer-policy", "no-referrer");
        String location = response.getHeaders().get("location");
        assertThat(location).startsWith("/masuk-melalui#");
        Map<String, String> fragment = ProviderAnswer.formFields(location.substring(location.indexOf('#') + 1));
        assertThat(fragment.keySet()).as("the authorization code is not needed").containsExactlyInAnyOrder("id_token", "state", "user");
        assertThat(fragment.get("state")).isEqualTo("5f0c2a9e4b7d41c8a3e6f1d2c9b8a7e6");
        assertThat(fragment.get("id_token")).startsWith("eyJ").contains(".");
        assertThat(fragment.get("user")).contains("\"firstName\":\"Siti\"");
        assertThat(site.logLines).last().asString().contains("\"page\":\"social-sign-in-answer\"")
                .doesNotContain("eyJ").doesNotContain("Siti").doesNotContain("privaterelay");
    }

    @Test
    void aProvidersRefusalIsHandedOnAndABodyWithoutAStateOrNoFormArrivesAsAnAnswerWithoutOne() {
        assertThat(postedAnswer("error=user_cancelled_authorize&state=abc")).isEqualTo("/masuk-melalui#state=abc&error=user_cancelled_authorize");
        assertThat(postedAnswer("id_token=eyJ.x.y")).isEqualTo("/masuk-melalui");
        assertThat(postedAnswer("state=%zz&id_token=eyJ.x.y")).as("a bad escape").isEqualTo("/masuk-melalui");
        assertThat(postedAnswer("state=abc&id_token=" + "x".repeat(ProviderAnswer.MAX_BODY_CHARACTERS))).isEqualTo("/masuk-melalui");
        assertThat(postedAnswer("")).isEqualTo("/masuk-melalui");
    }

    private String postedAnswer(String body) {
        APIGatewayV2HTTPEvent event = EventFixtures.httpEvent("site/apple-sign-in-answer.json");
        event.setIsBase64Encoded(false);
        event.setBody(body);
        APIGatewayV2HTTPResponse response = site.handler().handleRequest(event, null);
        assertThat(response.getStatusCode()).as(body).isEqualTo(303);
        return response.getHeaders().get("location");
    }

    @Test
    void aFormSentWithoutJavaScriptLandsOnAPageThatSaysWhyNotOnA405() {
        for (String path : Pages.FORM_PATHS) {
            APIGatewayV2HTTPEvent event = EventFixtures.httpEvent("site/post-home.json");
            event.setRawPath(path);
            event.getRequestContext().getHttp().setPath(path);
            APIGatewayV2HTTPResponse response = site.handler().handleRequest(event, null);

            assertThat(response.getStatusCode()).as(path).isEqualTo(303);
            assertThat(response.getHeaders()).as(path).containsEntry("location", "/perlu-javascript")
                    .containsEntry("cache-control", "no-store");
        }
        APIGatewayV2HTTPResponse explained = site.get("/perlu-javascript");
        assertThat(explained.getStatusCode()).isEqualTo(200);
        assertThat(html(explained).selectFirst("h1").text()).isEqualTo("JavaScript diperlukan");
    }

    @Test
    void theAccountPageIsTheSameForEveryReaderWithKeluarAndKeluarDariSemuaPerangkat() {
        APIGatewayV2HTTPResponse response = site.get("/akun");
        Document page = html(response);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("cache-control")).isEqualTo(PAGE_CACHE);
        assertThat(meta(page, "robots")).isEqualTo("noindex");
        assertThat(page.select("#akun button[data-action]").eachText())
                .contains("Keluar", "Keluar dari semua perangkat", "Kirimkan Lagi Sekarang");
    }

    @Test
    void aMeteredArticleCarriesEveryReaderStateForTheScriptWithTheConfiguredFreeArticles() {
        Document page = html(site.fixture("metered-article"));
        Element paywall = page.getElementById("paywall");

        assertThat(paywall.attr("data-slug")).isEqualTo(SiteFixture.METERED);
        assertThat(paywall.select("[data-state]").eachAttr("data-state")).containsExactly("LOGIN_REQUIRED",
                "ACTIVATION_REQUIRED", "CREDIT", "QUOTA_EXHAUSTED", "SUBSCRIPTION_REQUIRED");
        assertThat(paywall.select("[data-state]:not([hidden])").eachAttr("data-state"))
                .as("without JavaScript, the anonymous reader's").containsExactly("LOGIN_REQUIRED");
        Element konfirmasi = paywall.selectFirst("[data-state=ACTIVATION_REQUIRED]");
        assertThat(konfirmasi.selectFirst("h3").text()).isEqualTo("Konfirmasi Email");
        assertThat(konfirmasi.text()).contains(SiteFixture.FREE_ARTICLES + " artikel non-Laput dari Koran dan Majalah");
        assertThat(konfirmasi.select("button").eachText()).containsExactly("Kirimkan Lagi Sekarang");
        assertThat(paywall.select("[data-state=CREDIT] button").eachText()).containsExactly("Baca gratis");
    }

    @Test
    void theEmailLinkPagesAreNeverStoredSendNoReferrerAndLoadTheirHashedScript() {
        for (String path : List.of("/aktivasi?token=abc", "/reset-password?token=abc")) {
            APIGatewayV2HTTPResponse response = site.get(path);
            Document page = html(response);

            assertThat(response.getHeaders()).as(path).containsEntry("cache-control", "no-store")
                    .containsEntry("referrer-policy", "no-referrer");
            String script = page.selectFirst("script[src]").attr("src");
            assertThat(script).as(path).matches("/assets/(aktivasi|reset-password)\\.[0-9a-f]{10}\\.js");
            assertThat(site.get(script).getHeaders().get("content-type")).isEqualTo("text/javascript; charset=utf-8");
            assertThat(meta(page, "warta-api")).isEqualTo(SiteFixture.API);
        }
        assertThat(html(site.fixture("aktivasi")).select("#activate").text()).isEqualTo("Aktifkan akun");
    }

    @Test
    void theVideoPageListsVideoPilihan() {
        Document page = html(site.fixture("video"));

        assertThat(page.selectFirst("h1").text()).isEqualTo("Video Pilihan");
        assertThat(page.select(".video-title").eachText()).containsExactly("Video video-banjir");
        assertThat(page.selectFirst(".duration").text()).isEqualTo("2:00");
    }

    @Test
    void otherMethodsThanGetAre405InHtml() {
        APIGatewayV2HTTPResponse response = site.fixture("post-home");

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders().get("allow")).isEqualTo("GET, HEAD");
        assertThat(html(response).selectFirst("h1").text()).isEqualTo("Permintaan tidak didukung");
    }

    @Test
    void oneLogLinePerRequestWithTheRequestIdAndTheKindOfPageButNotThePathOrQuery() {
        site.fixture("aktivasi");

        assertThat(site.logLines).hasSize(1);
        assertThat(site.logLines.getFirst()).contains("\"requestId\":\"d00dfeed-0000-4000-8000-000000000011\"",
                "\"page\":\"activation\"", "\"status\":200").doesNotContain("token", "aktivasi?");
    }
}
