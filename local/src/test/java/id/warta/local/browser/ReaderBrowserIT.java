package id.warta.local.browser;

import id.warta.content.AccessLevel;
import id.warta.content.Article;
import id.warta.local.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The article page in Chromium as an anonymous reader with a fresh profile sees it, one access level after another. */
@ExtendWith(BrowserExtension.class)
class ReaderBrowserIT {
    private static final String FREE = "harga-beras-medium-naik-di-pasar-induk";
    private static final String METERED = "petani-karawang-tunda-tanam-karena-pupuk-langka";
    private static final String COVER_STORY = "jerat-tengkulak-di-lumbung-padi";
    private static final By BODY_PARAGRAPHS = By.cssSelector("#article-body > p");
    private static final By PAYWALL = By.id("paywall");
    private static final By RECOMMENDED = By.cssSelector("section.related h3 a");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final TestStack stack = TestStack.shared();

    private Article seeded(String slug) {
        return stack.seeded().articles().stream().filter(a -> a.slug().equals(slug)).findFirst().orElseThrow();
    }

    private static String path(Article article) {
        return "/" + article.summary().section() + "/" + article.slug();
    }

    @Test
    void anAnonymousReaderReadsAFreeArticleWholeAndMeetsTheTeaserWithMasukAndDaftarOnMeteredAndCoverStories(Browser browser) {
        Article free = seeded(FREE);
        browser.open(path(free)).waitForText(free.summary().title());

        assertThat(browser.texts(BODY_PARAGRAPHS)).containsExactlyElementsOf(free.body());
        assertThat(browser.driver().findElements(PAYWALL)).isEmpty();
        browser.step("free-article");

        Article metered = seeded(METERED);
        browser.open(path(metered)).waitForText(metered.summary().title());

        assertThat(browser.texts(BODY_PARAGRAPHS)).containsExactlyElementsOf(metered.teaser());
        assertThat(browser.text(PAYWALL)).contains("Masuk atau daftar untuk membaca artikel ini secara lengkap");
        assertThat(browser.texts(By.cssSelector("#paywall a"))).containsExactly("Masuk", "Daftar");
        browser.scrollTo(PAYWALL).step("metered-teaser").screenshotForReadme("article-anonymous", PAYWALL);

        Article coverStory = seeded(COVER_STORY);
        browser.open(path(coverStory)).waitForText(coverStory.summary().title());

        assertThat(browser.text(By.cssSelector(".kicker"))).containsIgnoringCase("Laput");
        assertThat(browser.texts(BODY_PARAGRAPHS)).containsExactlyElementsOf(coverStory.teaser());
        assertThat(browser.text(PAYWALL)).contains("Laput khusus pelanggan", "Berlangganan");
        browser.step("cover-story-teaser");
    }

    @Test
    void anAnonymousReadersRekomendasiArtikelSkipsWhatItHasRead(Browser browser) {
        Article free = seeded(FREE);
        browser.open(path(free)).waitForText(free.summary().title());
        List<String> everyonesList = recommendedPaths(browser);
        Article read = everyonesList.stream().map(ReaderBrowserIT::slugOf).map(this::seeded)
                .filter(a -> a.summary().accessLevel() == AccessLevel.FREE).findFirst()
                .orElseThrow(() -> new AssertionError("no free article among " + everyonesList));

        browser.open(path(read)).waitForText(read.summary().title());
        new WebDriverWait(browser.driver(), WAIT).withMessage("the page counted the reader's view")
                .until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return performance.getEntriesByType('resource')"
                        + ".some(function (e) { return e.name.indexOf('/views') > 0 && e.responseEnd > 0; })"));
        browser.open(path(free)).waitForText(free.summary().title());

        new WebDriverWait(browser.driver(), WAIT).withMessage(() -> "Rekomendasi Artikel without " + path(read))
                .until(d -> {
                    List<String> shown = recommendedPaths(browser);
                    return !shown.isEmpty() && !shown.contains(path(read));
                });
        browser.scrollTo(By.cssSelector("section.related")).step("recommendations-without-what-was-read");
    }

    private static List<String> recommendedPaths(Browser browser) {
        return browser.driver().findElements(RECOMMENDED).stream().map(a -> a.getDomProperty("href"))
                .map(href -> URI.create(href).getPath()).toList();
    }

    private static String slugOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
