package id.warta.local.browser;

import id.warta.local.ProjectRoot;
import id.warta.local.TestStack;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriverService;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gives a test a fresh {@link Browser} parameter on the shared local stack's site, with one
 * chromedriver per test class. After each test: on failure, a screenshot of every browser
 * ({test}-failure.png); on success, the test fails if any browser logged a console error or saw a
 * failed request the test did not declare with {@link Browser#expectResponse}. Then the browsers close.
 */
public final class BrowserExtension implements BeforeAllCallback, ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final Path SCREENSHOTS = ProjectRoot.find().resolve("local/target/browser-screenshots");

    /** The class's chromedriver, stopped by JUnit when the class is done (the store closes AutoCloseables). */
    private record DriverService(ChromeDriverService service) implements AutoCloseable {
        @Override
        public void close() {
            service.stop();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        BrowserRuntime.requireBrowser();
        long started = System.nanoTime();
        context.getStore(NAMESPACE).put(DriverService.class, new DriverService(BrowserRuntime.startDriverService()));
        System.out.printf("chromedriver started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Browser resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ChromeDriverService service = context.getStore(NAMESPACE).get(DriverService.class, DriverService.class).service();
        List<Browser> browsers = new ArrayList<>();
        context.getStore(NAMESPACE).put(List.class, browsers);
        URI site = TestStack.shared().site();
        long started = System.nanoTime();
        Browser browser = new Browser(service, site,
                SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName()),
                context.getRequiredTestMethod().getName() + "-", "browser", browsers);
        System.out.printf("browser started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        return browser;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        List<Browser> browsers = context.getStore(NAMESPACE).remove(List.class, List.class);
        if (browsers == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        try {
            for (Browser browser : browsers) {
                if (context.getExecutionException().isPresent()) {
                    browser.screenshot("failure");
                }
                problems.addAll(browser.unexpectedProblems());
            }
        } finally {
            browsers.forEach(Browser::close);
        }
        if (context.getExecutionException().isPresent()) {
            problems.forEach(problem -> System.out.println("also seen: " + problem));
        } else {
            assertThat(problems).as("console errors and failed requests in the browser").isEmpty();
        }
    }
}
