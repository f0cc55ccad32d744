package id.warta.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.json.Json;
import id.warta.local.ProjectRoot;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One headless Chromium with its own profile, driven through WebDriver against the local site, as a
 * reader uses it. It records what a reader would not see but a test must: console errors and failed
 * requests (checked by {@link BrowserExtension} after each test), and runs axe-core on the pages it
 * visits. Get one as a test parameter of a class annotated {@code @ExtendWith(BrowserExtension.class)}.
 */
public final class Browser implements AutoCloseable {
    /** Where the readme screenshots wait for bin/screenshots to copy them into docs/screenshots. */
    public static final Path README_SCREENSHOTS = ProjectRoot.find().resolve("local/target/readme-screenshots");
    private static final int README_HEIGHT = 2000;
    private static final String READER_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
               .then(results => done(JSON.stringify(results.violations)))
               .catch(error => done(JSON.stringify({ error: String(error) })));""";

    private static String axeSource;

    private final ChromeDriverService service;
    private final URI site;
    private final Path profile;
    private final Path screenshots;
    private final String screenshotPrefix;
    private final String name;
    /** Every browser of the running test, this one included; the extension checks and closes them all. */
    private final List<Browser> ofThisTest;
    private final Map<String, String[]> requests = new HashMap<>();
    private final List<FailedRequest> failedRequests = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<ExpectedResponse> expected = new ArrayList<>();
    private RemoteWebDriver driver;

    Browser(ChromeDriverService service, URI site, Path screenshots, String screenshotPrefix, String name,
            List<Browser> ofThisTest) {
        this.service = service;
        this.site = site;
        this.screenshots = screenshots;
        this.screenshotPrefix = screenshotPrefix;
        this.name = name;
        this.ofThisTest = ofThisTest;
        try {
            this.profile = Files.createTempDirectory("warta-browser-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
        ofThisTest.add(this);
    }

    /**
     * A second, independent browser (its own fresh profile) for the same test, e.g. another device of
     * the same reader; checked and closed with this one. Its screenshots are named {test}-{name}-{step}.png.
     */
    public Browser another(String anotherName) {
        return new Browser(service, site, screenshots, screenshotPrefix + anotherName + "-", anotherName, ofThisTest);
    }

    private void start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserRuntime.CHROMIUM.toFile());
        // The background-networking switches keep Chromium from calling home, which this closed network refuses.
        // The seed's images live on a host that does not exist (img.warta.example): images stay off, so that no
        // request fails for want of a picture; the pages reserve their space all the same.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                // A reader's browser, not a crawler: the API neither counts nor unlocks for "HeadlessChrome"
                // (activity.Crawlers). And an Indonesian reader's, so the account emails are in Bahasa Indonesia.
                "--user-agent=" + READER_USER_AGENT, "--lang=id-ID",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.images", 2));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        driver = new RemoteWebDriver(service.getUrl(), options);
    }

    /** Opens {@code pathAndQuery} of the site, waits for the page to load and checks its accessibility. */
    public Browser open(String pathAndQuery) {
        driver.get(site.resolve(pathAndQuery).toString());
        checkAccessibility();
        return this;
    }

    /** Reloads the page and checks its accessibility. */
    public Browser reload() {
        driver.navigate().refresh();
        checkAccessibility();
        return this;
    }

    /**
     * Ends a step of the scenario: the page as it is now passes axe, and its screenshot goes to
     * local/target/browser-screenshots/{TestClass}/{test}-{step}.png.
     */
    public Browser step(String step) {
        checkAccessibility();
        screenshot(step);
        return this;
    }

    /**
     * Saves the top of the page as it is now, in a window {@value #README_HEIGHT} pixels tall, for
     * bin/screenshots to copy to docs/screenshots/{name}.png (the README shows those).
     */
    public Browser screenshotForReadme(String readmeName) {
        return screenshotForReadme(readmeName, null);
    }

    /**
     * As {@link #screenshotForReadme(String)}, with {@code subject} (when not null) in the middle of
     * the picture rather than the top of the page: the part the README's caption is about.
     */
    public Browser screenshotForReadme(String readmeName, By subject) {
        Dimension window = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(window.getWidth(), README_HEIGHT));
        if (subject == null) {
            driver.executeScript("window.scrollTo(0, 0)");
        } else {
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(subject));
        }
        try {
            Files.createDirectories(README_SCREENSHOTS);
            Files.copy(screenshot("readme-" + readmeName), README_SCREENSHOTS.resolve(readmeName + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
        return this;
    }

    /**
     * Declares a failed request this test provokes on purpose: the check after the test excuses it
     * (and its console line) and fails if it never happened. {@code status} 0 is a network error.
     */
    public Browser expectResponse(String method, String path, int status) {
        expected.add(new ExpectedResponse(method, path, status));
        return this;
    }

    /** axe-core on the page as it is now: no serious or critical violation. */
    public Browser checkAccessibility() {
        JavascriptExecutor js = driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            // WebDriver's scripts run outside the page's Content-Security-Policy, so the strict CSP allows this.
            js.executeScript(axeSource());
        }
        JsonNode result = json((String) js.executeAsyncScript(AXE_RUN));
        assertThat(result.path("error").isMissingNode()).as("axe ran on %s: %s", driver.getCurrentUrl(), result).isTrue();
        List<String> blocking = new ArrayList<>();
        for (JsonNode violation : result) {
            if (BLOCKING_IMPACTS.contains(violation.path("impact").asText())) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                blocking.add(violation.path("impact").asText() + " " + violation.path("id").asText() + " ("
                        + violation.path("help").asText() + ") at " + targets);
            }
        }
        assertThat(blocking).as("serious or critical axe-core violations on %s", driver.getCurrentUrl()).isEmpty();
        return this;
    }

    /** Waits until the page shows {@code text} somewhere visible. */
    public Browser waitForText(String text) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "the page shows \"" + text + "\"")
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return this;
    }

    /** Waits until an element is visible and returns it. */
    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the address bar shows {@code path} (no query). */
    public Browser waitForPath(String path) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "the browser is at " + path)
                .until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
        return this;
    }

    /** Scrolls the element to the middle of the window (screenshots show the window, not the whole page). */
    public Browser scrollTo(By locator) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", waitFor(locator));
        return this;
    }

    /** The visible text of the first element found, once it is visible. */
    public String text(By locator) {
        return waitFor(locator).getText();
    }

    /** The visible texts of every element found (none is fine). */
    public List<String> texts(By locator) {
        return driver.findElements(locator).stream().map(WebElement::getText).toList();
    }

    public Browser click(By locator) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(locator)).click();
        return this;
    }

    /** Replaces a field's value by typing {@code value}, as a reader does. */
    public Browser fill(By locator, String value) {
        WebElement field = waitFor(locator);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** The WebDriver itself, for what the helpers above do not cover. */
    public RemoteWebDriver driver() {
        return driver;
    }

    /**
     * Closes the browser and starts it again on the same profile, as a reader who quits and comes back:
     * what the profile keeps on disk (persistent cookies, local storage) survives, the memory does not.
     */
    public Browser reopen() {
        collectLogs();
        driver.quit();
        requests.clear();
        start();
        return this;
    }

    /** The problems seen so far that no {@link #expectResponse} excuses, and expected failures that never came. */
    List<String> unexpectedProblems() {
        collectLogs();
        List<String> problems = new ArrayList<>();
        List<FailedRequest> excused = new ArrayList<>();
        for (FailedRequest failed : failedRequests) {
            if (expected.stream().anyMatch(e -> e.matches(failed))) {
                excused.add(failed);
            } else {
                problems.add(name + ": failed request " + failed);
            }
        }
        for (ExpectedResponse e : expected) {
            if (excused.stream().noneMatch(e::matches)) {
                problems.add(name + ": expected failed request never happened: " + e);
            }
        }
        for (String error : consoleErrors) {
            if (excused.stream().noneMatch(failed -> error.startsWith(failed.url() + " - Failed to load resource"))) {
                problems.add(name + ": console error " + error);
            }
        }
        return problems;
    }

    Path screenshot(String step) {
        Path file = screenshots.resolve(screenshotPrefix + step + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Drains the browser and network logs (WebDriver hands each entry out once). */
    private void collectLogs() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = json(entry.getMessage()).path("message");
            JsonNode params = message.path("params");
            String requestId = params.path("requestId").asText();
            switch (message.path("method").asText()) {
                case "Network.requestWillBeSent" -> requests.put(requestId,
                        new String[]{params.path("request").path("method").asText(), params.path("request").path("url").asText()});
                case "Network.responseReceived" -> {
                    int status = params.path("response").path("status").asInt();
                    if (status >= 400) {
                        failedRequests.add(new FailedRequest(method(requestId), params.path("response").path("url").asText(), status, null));
                    }
                }
                case "Network.loadingFailed" -> {
                    if (!params.path("canceled").asBoolean()) {
                        String[] request = requests.getOrDefault(requestId, new String[]{"?", "?"});
                        failedRequests.add(new FailedRequest(request[0], request[1], 0, params.path("errorText").asText()));
                    }
                }
                default -> { }
            }
        }
    }

    private String method(String requestId) {
        String[] request = requests.get(requestId);
        return request == null ? "?" : request[0];
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String axeSource() {
        if (axeSource != null) {
            return axeSource;
        }
        Path axe = ProjectRoot.find().resolve("node_modules/axe-core/axe.min.js");
        assertThat(axe).as("axe-core from npm (npm ci installs it)").exists();
        try {
            axeSource = Files.readString(axe, StandardCharsets.UTF_8);
            return axeSource;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
