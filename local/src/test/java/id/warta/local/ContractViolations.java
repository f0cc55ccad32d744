package id.warta.local;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Holds the integration tests' responses to openapi.yaml, also where a mismatch is raised in a thread
 * whose failure the test never collects (the load tests' client tasks): every mismatch fails its
 * caller at once and is remembered, and a test (or test class) that saw one it did not fail on fails
 * after it, or, when it failed for another reason, carries them beside that failure. JUnit's
 * extension auto-detection (junit-platform.properties) registers this for every test class.
 */
public final class ContractViolations implements AfterEachCallback, AfterAllCallback {
    private static final int SHOWN = 5;
    private static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

    /** Fails when the exchange differs from openapi.yaml, and remembers it for the test's end. */
    static void assertConforms(OpenApiContract.Exchange exchange) {
        try {
            OpenApiContract.document().assertConforms(exchange);
        } catch (AssertionError violation) {
            SEEN.add(violation.getMessage());
            throw violation;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        failIfUnreported(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failIfUnreported(context);
    }

    private static void failIfUnreported(ExtensionContext context) {
        Optional<Throwable> failure = context.getExecutionException();
        List<String> unreported = new ArrayList<>();
        for (String violation = SEEN.poll(); violation != null; violation = SEEN.poll()) {
            if (failure.isEmpty() || !violation.equals(failure.get().getMessage())) {
                unreported.add(violation);
            }
        }
        if (unreported.isEmpty()) {
            return;
        }
        AssertionError violations = new AssertionError(unreported.size() + " response(s) did not match openapi.yaml where "
                + context.getDisplayName() + " does not collect failures (such as a client task); the first:\n"
                + String.join("\n", unreported.subList(0, Math.min(SHOWN, unreported.size()))));
        if (failure.isEmpty()) {
            throw violations;
        }
        // The test failed anyway, perhaps because of these (a client task that stopped): say so beside its failure.
        failure.get().addSuppressed(violations);
    }
}
