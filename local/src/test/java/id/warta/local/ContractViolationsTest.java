package id.warta.local;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** A response that does not match openapi.yaml fails its test, also when a thread the test never joins raised it. */
class ContractViolationsTest {
    /** coverStory is a boolean in the document. */
    private static final OpenApiContract.Exchange DRIFTED = new OpenApiContract.Exchange("GET", "/articles", Set.of(), 200,
            Map.of("Content-Type", List.of("application/json")), """
            {"items":[{"id":"a1","slug":"harga-beras","title":"Harga beras","summary":"Naik.","section":"ekonomi",
             "edition":"web","coverStory":"ya","accessLevel":"FREE","publishedAt":"2026-11-18T09:15:00+07:00",
             "relativeTime":"2 jam lalu","image":null,"sponsored":false}],"nextCursor":null}""");

    private static Throwable failureOf(Class<?> testClass) {
        List<Event> failed = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(testClass))
                .execute().testEvents().failed().list();
        assertThat(failed).hasSize(1);
        return failed.getFirst().getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
    }

    @Test
    void aMismatchInAClientTaskTheTestNeverJoinsStillFailsTheTest() {
        Throwable failure = failureOf(MismatchInAnAbandonedTask.class);

        assertThat(failure).hasMessageContainingAll("1 response(s) did not match openapi.yaml", "/items/0/coverStory");
    }

    @Test
    void aMismatchInTheTestsOwnThreadFailsItOnce() {
        Throwable failure = failureOf(MismatchInTheTestThread.class);

        assertThat(failure).hasMessageContaining("Response does not match openapi.yaml: GET /articles answered 200");
        assertThat(failure.getSuppressed()).isEmpty();
    }

    @Test
    void aTestThatFailsForAnotherReasonCarriesTheMismatchesBesideItsFailure() {
        Throwable failure = failureOf(MismatchAndAnotherFailure.class);

        assertThat(failure).hasMessage("too few answers");
        assertThat(failure.getSuppressed()).singleElement()
                .satisfies(s -> assertThat(s).hasMessageContaining("/items/0/coverStory"));
    }

    private static void inAClientTask() throws InterruptedException {
        Thread.ofVirtual().start(() -> ContractViolations.assertConforms(DRIFTED)).join();
    }

    static class MismatchInAnAbandonedTask {
        @Test
        void sendsFromAClientTask() throws InterruptedException {
            inAClientTask();
        }
    }

    static class MismatchInTheTestThread {
        @Test
        void sends() {
            ContractViolations.assertConforms(DRIFTED);
        }
    }

    static class MismatchAndAnotherFailure {
        @Test
        void sendsFromAClientTaskThenCountsAnswers() throws InterruptedException {
            inAClientTask();
            throw new AssertionError("too few answers");
        }
    }
}
