package id.warta.local;

import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that uses the local stack's internals where {@link TestStack}'s own skip cannot
 * report it (static set-up, other threads, a test factory): not run in the deployed-stack tier,
 * saying why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfEnvironmentVariable(named = TestStack.DEPLOYED_API_URL, matches = ".*\\S.*",
        disabledReason = "skipped against a deployed stack: needs the local emulators (tables, mailbox, outages)")
public @interface LocalStackOnly {
}
