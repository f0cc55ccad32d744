package id.warta.local.browser;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriverService;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Debian chromium and its chromedriver, found at fixed paths so Selenium Manager never looks
 * for (or downloads) a browser. Where they are missing the browser ITs are skipped with the reason,
 * which the failsafe report shows, except under {@code CI=true}, where CI must run them: there a
 * missing browser fails the class.
 */
final class BrowserRuntime {
    /** Set by bin/test to the reason it could not install the browser. */
    static final String SKIP_REASON_ENV = "WARTA_BROWSER_TESTS_SKIPPED";
    static final Path CHROMIUM = Path.of(System.getProperty("warta.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("warta.chromedriver", "/usr/bin/chromedriver"));

    private BrowserRuntime() {
    }

    /** Skips (or, under CI, fails) the calling test class when the browser cannot run here. */
    static void requireBrowser() {
        String reason = System.getenv(SKIP_REASON_ENV);
        if (reason == null || reason.isBlank()) {
            reason = !Files.isExecutable(CHROMIUM) ? "no chromium at " + CHROMIUM
                    : !Files.isExecutable(CHROMEDRIVER) ? "no chromedriver at " + CHROMEDRIVER : null;
        }
        if (reason == null) {
            return;
        }
        String message = "skipped: browser tests (" + reason + "; install the Debian packages chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail("CI runs the browser tests, but " + reason);
        }
        Assumptions.abort(message);
    }

    /** One chromedriver for a test class: every browser of the class is a session on it. */
    static ChromeDriverService startDriverService() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        try {
            service.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return service;
    }
}
