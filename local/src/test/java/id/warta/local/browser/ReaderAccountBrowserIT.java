package id.warta.local.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.warta.content.AccessLevel;
import id.warta.content.Article;
import id.warta.json.Json;
import id.warta.local.AccountsMailbox;
import id.warta.local.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed-in reader in Chromium (issue 15, scenarios 2 to 6): registering and activating from an
 * article, spending the free credits, staying signed in, signing out everywhere, social sign-in and
 * a password reset. Each starts from a fresh profile against the local stack and reads its emails from
 * the SES emulator as a person reads a mailbox: the link in the text, opened in the browser.
 */
@ExtendWith(BrowserExtension.class)
class ReaderAccountBrowserIT {
    private static final String PASSWORD = "kopi-tubruk-2026";
    private static final Pattern SITE_LINK = Pattern.compile("http://\\S+/(aktivasi|reset-password)\\?token=\\S+");
    private static final By PAYWALL = By.id("paywall");
    private static final By BODY_PARAGRAPHS = By.cssSelector("#article-body > p");
    private static final By KONFIRMASI = By.cssSelector("#paywall .konfirmasi");
    private static final By CREDIT = By.cssSelector("#paywall [data-state=CREDIT]");
    private static final By BACA_GRATIS = By.cssSelector("#paywall [data-action=unlock]");
    private static final By ACCESS_NOTE = By.id("access-note");
    private static final By ACCOUNT_LINK = By.cssSelector(".account .signed-in a");

    private final TestStack stack = TestStack.shared();
    private final AccountsMailbox mailbox = new AccountsMailbox(stack);

    private List<Article> seeded(AccessLevel level) {
        return stack.seeded().articles().stream().filter(a -> a.summary().accessLevel() == level).toList();
    }

    private static String path(Article article) {
        return "/" + article.summary().section() + "/" + article.slug();
    }

    /** The site link in the address's latest email (the {@code count}th), as a reader copies it. */
    private String linkInEmail(String email, int count) {
        String text = mailbox.awaitLatestEmail(email, count).path("body").path("text").asText();
        Matcher link = SITE_LINK.matcher(text);
        assertThat(link.find()).as("a link to the site in: %s", text).isTrue();
        return link.group();
    }

    private static String json(Map<String, ?> body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An activated account, made through the API (what scenario 2 does in the browser). */
    private String activatedAccount(String prefix) {
        String email = AccountsMailbox.uniqueAddress(prefix);
        assertThat(stack.post("/auth/register", json(Map.of("email", email, "password", PASSWORD, "name", "Sari"))).status())
                .isEqualTo(202);
        String token = AccountsMailbox.token(mailbox.awaitLatestEmail(email, 1));
        assertThat(stack.post("/auth/activate", json(Map.of("token", token))).status()).isEqualTo(200);
        return email;
    }

    private static void signIn(Browser browser, String email, String password, boolean remember) {
        browser.open("/masuk").fill(By.id("email"), email).fill(By.id("password"), password);
        if (remember) {
            browser.click(By.id("remember"));
        }
        browser.click(By.cssSelector("#masuk button[type=submit]")).waitForPath("/akun").waitForText(email);
    }

    @Test
    void aReaderRegistersFromAnArticleConfirmsTheEmailAndComesBackToTheArticle(Browser browser) {
        Article metered = seeded(AccessLevel.METERED).getFirst();
        String email = AccountsMailbox.uniqueAddress("daftar");
        browser.open(path(metered)).waitForText(metered.summary().title());

        browser.click(By.cssSelector("#paywall [data-dialog=daftar]"))
                .fill(By.id("dialog-daftar-name"), "Sari")
                .fill(By.id("dialog-daftar-email"), email)
                .fill(By.id("dialog-daftar-password"), PASSWORD)
                .click(By.cssSelector("#dialog-daftar-form button[type=submit]"));

        assertThat(browser.text(KONFIRMASI)).contains("Konfirmasi Email", email,
                "2 artikel non-Laput dari Koran dan Majalah", "Kirimkan Lagi Sekarang");
        browser.scrollTo(PAYWALL).step("konfirmasi-email").screenshotForReadme("konfirmasi-email", PAYWALL);

        mailbox.awaitLatestEmail(email, 1);
        // The registration's email counts towards the one-a-minute limit: let that minute pass.
        mailbox.forgetLimit("ACTIVATION_SEND", email);
        browser.click(By.cssSelector("#paywall [data-action=resend]")).waitForText("Tautan aktivasi baru sudah dikirim ke " + email);
        browser.expectResponse("POST", "/auth/activation/resend", 429)
                .click(By.cssSelector("#paywall [data-action=resend]")).waitForText("Tautan baru bisa diminta lagi dalam");
        assertThat(browser.text(By.cssSelector("#paywall .resend-status"))).matches("Tautan baru bisa diminta lagi dalam \\d+ detik\\.");
        browser.step("kirimkan-lagi-wait");

        browser.driver().get(linkInEmail(email, 2));
        browser.checkAccessibility().click(By.id("activate")).waitForText("Akun Anda sudah aktif");
        assertThat(browser.text(By.id("continue-link"))).isEqualTo("Masuk dan lanjutkan membaca: " + metered.summary().title());
        browser.step("activated");

        browser.click(By.id("continue-link")).fill(By.id("email"), email).fill(By.id("password"), PASSWORD)
                .click(By.cssSelector("#masuk button[type=submit]")).waitForPath(path(metered));
        assertThat(browser.text(CREDIT)).contains("Sisa artikel gratis Anda bulan ini: 2 dari 2", "Baca gratis");
        browser.step("back-at-the-article");
    }

    @Test
    void bacaGratisOpensTwoMeteredArticlesWithoutAReloadThenTheQuotaIsUsedUpAndLaputNeedsASubscription(Browser browser) {
        List<Article> metered = seeded(AccessLevel.METERED);
        Article first = metered.get(0);
        Article second = metered.get(1);
        Article third = metered.get(2);
        Article coverStory = seeded(AccessLevel.SUBSCRIBER).getFirst();
        signIn(browser, activatedAccount("baca-gratis"), PASSWORD, false);

        browser.open(path(first)).waitFor(CREDIT);
        assertThat(browser.texts(BODY_PARAGRAPHS)).containsExactlyElementsOf(first.teaser());
        browser.driver().executeScript("window.sameDocument = true");
        browser.click(BACA_GRATIS).waitForText("Sisa artikel gratis Anda bulan ini: 1 dari 2.");
        assertThat(browser.texts(BODY_PARAGRAPHS)).containsExactlyElementsOf(first.body());
        assertThat(browser.driver().executeScript("return window.sameDocument")).as("no reload").isEqualTo(true);
        assertThat(browser.driver().findElement(PAYWALL).isDisplayed()).isFalse();
        browser.step("unlocked").screenshotForReadme("article-unlocked");

        browser.open(path(second)).click(BACA_GRATIS).waitForText("Sisa artikel gratis Anda bulan ini: 0 dari 2.");
        assertThat(browser.texts(BODY_PARAGRAPHS)).containsExactlyElementsOf(second.body());

        browser.open(path(third));
        assertThat(browser.text(By.cssSelector("#paywall [data-state=QUOTA_EXHAUSTED]")))
                .contains("Jatah artikel gratis Anda bulan ini sudah terpakai semua", "Pelanggan Warta");
        assertThat(browser.texts(BODY_PARAGRAPHS)).containsExactlyElementsOf(third.teaser());
        browser.step("quota-used");

        browser.open(path(first)).waitForText("Artikel ini sudah terbuka untuk Anda bulan ini.");
        assertThat(browser.texts(BODY_PARAGRAPHS)).containsExactlyElementsOf(first.body());

        browser.open(path(coverStory));
        assertThat(browser.text(By.cssSelector("#paywall [data-state=SUBSCRIPTION_REQUIRED]")))
                .contains("hanya untuk pelanggan Warta");
        browser.step("cover-story");

        browser.open("/akun").waitForText(first.summary().title());
        assertThat(browser.texts(By.cssSelector(".unlocked-list a")))
                .containsExactlyInAnyOrder(first.summary().title(), second.summary().title());
        assertThat(browser.text(By.cssSelector(".meter-remaining"))).isEqualTo("0 artikel");
    }

    @Test
    void ingatSayaKeepsTheReaderSignedInAfterTheBrowserClosesUntilKeluarDariSemuaPerangkatElsewhere(Browser laptop) {
        String email = activatedAccount("ingat");
        signIn(laptop, email, PASSWORD, true);

        laptop.reopen().open("/akun").waitForText(email);
        assertThat(laptop.text(ACCOUNT_LINK)).isEqualTo("Akun Saya");
        laptop.step("reopened-still-signed-in");

        Browser phone = laptop.another("phone");
        signIn(phone, email, PASSWORD, false);
        phone.click(By.cssSelector("[data-action=logout-all]")).waitForPath("/");
        assertThat(phone.text(By.cssSelector(".account .signed-out"))).contains("Masuk");

        laptop.expectResponse("POST", "/auth/refresh", 401).reload()
                .waitForText("Sesi Anda sudah berakhir, misalnya karena Anda keluar dari semua perangkat.");
        assertThat(laptop.text(By.cssSelector("#akun .signed-out-only"))).contains("Anda belum masuk");
        laptop.step("signed-out-elsewhere");
    }

    /** On the local issuer's page, as the provider's sign-in page: who signs in. */
    private static void signInAtTheIssuer(Browser browser, String email, String name) {
        browser.waitForPath("/authorize").checkAccessibility().fill(By.id("email"), email).fill(By.id("name"), name)
                .click(By.cssSelector("button[type=submit]"));
    }

    /** Back on the article with the activated account's whole credit, and /akun names the account. */
    private static void signedInOnTheArticleAsActivated(Browser browser, Article article, String email, String name,
                                                       String step) {
        browser.waitForPath(path(article));
        assertThat(browser.text(CREDIT)).contains("Sisa artikel gratis Anda bulan ini: 2 dari 2");
        browser.step(step);
        browser.open("/akun");
        assertActivatedAccount(browser, email, name);
    }

    private static void assertActivatedAccount(Browser browser, String email, String name) {
        browser.waitForText(email);
        assertThat(browser.text(By.cssSelector(".me-activation"))).isEqualTo("Aktif");
        assertThat(browser.text(By.cssSelector(".me-name"))).isEqualTo(name);
    }

    @Test
    void masukMelaluiGoogleThroughTheLocalIssuerCreatesAnActivatedAccount(Browser browser) {
        Article metered = seeded(AccessLevel.METERED).getLast();
        String email = AccountsMailbox.uniqueAddress("google");
        browser.open(path(metered)).click(By.cssSelector("#paywall [data-oidc=google]"));

        signInAtTheIssuer(browser, email, "Budi");

        signedInOnTheArticleAsActivated(browser, metered, email, "Budi", "signed-in-through-google");
    }

    @Test
    void masukMelaluiAppleAnswersByAFormPostAndTheNameSentBesideTheTokenNamesTheAccount(Browser browser) {
        Article metered = seeded(AccessLevel.METERED).getFirst();
        String email = AccountsMailbox.uniqueAddress("apple");
        browser.open(path(metered)).click(By.cssSelector("#paywall [data-oidc=apple]"));
        browser.waitForPath("/authorize").click(By.cssSelector("button[name=batal]"));
        browser.waitForText("Masuk melalui Apple dibatalkan.");
        browser.step("apple-cancelled");

        browser.open(path(metered)).click(By.cssSelector("#paywall [data-oidc=apple]"));
        // Apple's page posts its answer to /masuk-melalui; the site hands it to the page, which signs in.
        signInAtTheIssuer(browser, email, "Siti Aminah");

        signedInOnTheArticleAsActivated(browser, metered, email, "Siti Aminah", "signed-in-through-apple");
    }

    @Test
    void masukMelaluiFacebookThroughTheLocalIssuerCreatesAnActivatedAccount(Browser browser) {
        String email = AccountsMailbox.uniqueAddress("facebook");
        browser.open("/masuk").click(By.cssSelector(".narrow [data-oidc=facebook]"));

        signInAtTheIssuer(browser, email, "Rudi Hartono");

        browser.waitForPath("/akun");
        assertActivatedAccount(browser, email, "Rudi Hartono");
        browser.step("signed-in-through-facebook");
    }

    @Test
    void aForgottenPasswordIsResetThroughTheEmailLinkAndTheNewOneSignsIn(Browser browser) {
        String email = activatedAccount("lupa");
        String newPassword = "teh-tarik-2027";

        browser.open("/lupa-kata-sandi").fill(By.id("email"), email)
                .click(By.cssSelector("#lupa-kata-sandi button[type=submit]"))
                .waitForText("tautan untuk menyetel ulang kata sandi sudah kami kirim");
        browser.step("reset-sent");

        browser.driver().get(linkInEmail(email, 2));
        browser.checkAccessibility().fill(By.id("password"), newPassword).fill(By.id("confirmation"), newPassword)
                .click(By.cssSelector("#reset button[type=submit]")).waitForText("Kata sandi sudah diganti");
        browser.step("password-reset");

        signIn(browser, email, newPassword, false);
        browser.step("signed-in-with-the-new-password");
    }
}
