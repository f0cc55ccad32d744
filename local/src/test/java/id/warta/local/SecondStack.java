package id.warta.local;

/**
 * A stack of its own on the shared emulators, with its own functions and API server
 * ({@link TestStack#withTemplateClientLimits()}). Close it when done.
 */
public record SecondStack(TestStack stack, Runnable stop) implements AutoCloseable {

    @Override
    public void close() {
        stop.run();
    }
}
