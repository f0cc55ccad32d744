package id.warta.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The real local AWS: dynalite (DynamoDB) and aws-ses-v2-local (SES), from the npm packages pinned
 * in package.json, each a child process on a free loopback port. When AWS_ENDPOINT_URL is set, that
 * endpoint (LocalStack, say) is used for both instead and nothing is started.
 * <p>
 * Each emulator's output goes to its own log file. An emulator that exits without being asked to is
 * started again on the same port, and that is said (on stderr, or to {@link #announceTo}); listeners
 * registered with {@link #onDynamoDbRestart} then run (to recreate tables an in-memory dynalite lost).
 */
public final class Emulators implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** A crash loop (an emulator that dies as soon as it starts) ends after this many restarts. */
    private static final int MAX_RESTARTS = 5;
    private static final String LOOPBACK = "127.0.0.1";

    private final Path root;
    private final URI externalDynamoDb;
    private final URI externalSes;
    private final List<Runnable> dynamoDbRestartListeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> announcer = System.err::println;
    private Emulator dynamo;
    private Emulator ses;

    private Emulators(Path root, URI externalDynamoDb, URI externalSes) {
        this.root = root;
        this.externalDynamoDb = externalDynamoDb;
        this.externalSes = externalSes;
    }

    /** In-memory data; logs under local/target/emulator-logs. */
    public static Emulators start(Path root) {
        return start(root, root.resolve("local/target/emulator-logs"), null);
    }

    /** On free loopback ports; see the overload below for the parameters. */
    public static Emulators start(Path root, Path logDirectory, Path dynamoDbDataDirectory) {
        return start(root, LOOPBACK, 0, 0, logDirectory, dynamoDbDataDirectory);
    }

    /**
     * @param host                  the address both emulators listen on: loopback, or one a Docker
     *                              container reaches (sam local)
     * @param dynamoDbPort          the DynamoDB emulator's port, 0 for any free one
     * @param sesPort               the SES emulator's port, 0 for any free one
     * @param logDirectory          where each emulator's output goes (dynalite.log, ses.log), appended
     * @param dynamoDbDataDirectory where dynalite keeps its tables (LevelDB), so they outlive it; null keeps them in memory
     */
    public static Emulators start(Path root, String host, int dynamoDbPort, int sesPort, Path logDirectory,
                                  Path dynamoDbDataDirectory) {
        String external = System.getenv("AWS_ENDPOINT_URL");
        if (external != null && !external.isBlank()) {
            return external(root, URI.create(external), URI.create(external));
        }
        Emulators emulators = new Emulators(root, null, null);
        emulators.installPackagesIfMissing();
        List<String> dynaliteArguments = new ArrayList<>(List.of(
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dynamoDbDataDirectory != null) {
            createDirectories(dynamoDbDataDirectory.getParent());
            dynaliteArguments.addAll(List.of("--path", dynamoDbDataDirectory.toAbsolutePath().toString()));
        }
        createDirectories(logDirectory);
        emulators.dynamo = emulators.new Emulator("dynalite", "local/emulators/dynalite.cjs", host, portOrFree(dynamoDbPort),
                dynaliteArguments, logDirectory.resolve("dynalite.log"));
        emulators.ses = emulators.new Emulator("aws-ses-v2-local", "node_modules/aws-ses-v2-local/dist/cli.js", host,
                portOrFree(sesPort), List.of(), logDirectory.resolve("ses.log"));
        emulators.dynamo.start();
        emulators.ses.start();
        return emulators;
    }

    private static int portOrFree(int port) {
        return port == 0 ? freePort() : port;
    }

    /** Endpoints that something else started (LocalStack, or a running bin/dev); nothing is stopped on close. */
    public static Emulators external(Path root, URI dynamoDb, URI ses) {
        return new Emulators(root, dynamoDb, ses);
    }

    public URI dynamoDbEndpoint() {
        return externalDynamoDb != null ? externalDynamoDb : dynamo.uri();
    }

    public URI sesEndpoint() {
        return externalSes != null ? externalSes : ses.uri();
    }

    /** The SES emulator's mailbox: its web view at /, its JSON at /store. */
    public URI mailbox() {
        return sesEndpoint();
    }

    /** dynalite's log file, or null when the endpoints are external. */
    public Path dynamoDbLog() {
        return dynamo == null ? null : dynamo.log;
    }

    /** The SES emulator's log file, or null when the endpoints are external. */
    public Path sesLog() {
        return ses == null ? null : ses.log;
    }

    /** The running dynalite process (tests end it to see it come back). */
    ProcessHandle dynamoDbProcess() {
        return dynamo.process.toHandle();
    }

    /** Where restarts are announced; stderr unless changed. */
    void announceTo(Consumer<String> announcer) {
        this.announcer = announcer;
    }

    /** Runs after dynalite was restarted, before requests are expected to succeed again. */
    public void onDynamoDbRestart(Runnable listener) {
        dynamoDbRestartListeners.add(listener);
    }

    /** Simulates an SES outage; {@link #startSes()} brings it back on the same port. */
    public void stopSes() {
        ses.stop();
    }

    public void startSes() {
        ses.start();
    }

    @Override
    public void close() {
        if (ses != null) {
            ses.stop();
        }
        if (dynamo != null) {
            dynamo.stop();
        }
    }

    private void installPackagesIfMissing() {
        if (Files.isRegularFile(root.resolve("node_modules/dynalite/cli.js"))
                && Files.isRegularFile(root.resolve("node_modules/aws-ses-v2-local/dist/cli.js"))) {
            return;
        }
        run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
    }

    private void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: is Node 20 with npm installed?");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.getFirst() + ": is Node 20 with npm installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One emulator process; it exits when this JVM does (see local/emulators/run.cjs). */
    private final class Emulator {
        private final String name;
        private final String cli;
        private final String host;
        private final int port;
        private final List<String> arguments;
        private final Path log;
        private volatile Process process;
        private volatile boolean stopping;
        private int restarts;

        Emulator(String name, String cli, String host, int port, List<String> arguments, Path log) {
            this.name = name;
            this.cli = cli;
            this.host = host;
            this.port = port;
            this.arguments = arguments;
            this.log = log;
        }

        /** Where this machine reaches it: loopback when it listens on every address. */
        URI uri() {
            return URI.create("http://" + ("0.0.0.0".equals(host) ? LOOPBACK : host) + ":" + port);
        }

        synchronized void start() {
            List<String> command = new ArrayList<>(List.of("node", "local/emulators/run.cjs", cli,
                    "--host", host, "--port", Integer.toString(port)));
            command.addAll(arguments);
            stopping = false;
            Process started;
            try {
                started = new ProcessBuilder(command)
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start node: is Node 20 installed?", e);
            }
            process = started;
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (!accepting()) {
                if (!started.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(name + " did not start on port " + port + "; see " + log);
                }
                sleepBriefly();
            }
            started.onExit().thenAccept(this::exited);
        }

        synchronized void stop() {
            stopping = true;
            Process running = process;
            if (running == null) {
                return;
            }
            running.destroy();
            try {
                if (!running.waitFor(5, TimeUnit.SECONDS)) {
                    running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (accepting() && Instant.now().isBefore(deadline)) {
                sleepBriefly();
            }
        }

        /** Runs on the exit of every process this emulator started; only an unasked-for exit of the current one restarts it. */
        private synchronized void exited(Process ended) {
            if (stopping || ended != process) {
                return;
            }
            if (++restarts > MAX_RESTARTS) {
                announcer.accept("[emulators] " + name + " on port " + port + " exited (code " + ended.exitValue()
                        + ") after " + MAX_RESTARTS + " restarts; not restarting again. See " + log);
                return;
            }
            announcer.accept("[emulators] " + name + " on port " + port + " exited unexpectedly (code "
                    + ended.exitValue() + "); restarting it on the same port. See " + log);
            try {
                start();
            } catch (IllegalStateException e) {
                announcer.accept("[emulators] " + name + " could not be restarted: " + e.getMessage());
                return;
            }
            if (this == dynamo) {
                dynamoDbRestartListeners.forEach(this::runQuietly);
            }
            announcer.accept("[emulators] " + name + " restarted on port " + port);
        }

        private void runQuietly(Runnable listener) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                announcer.accept("[emulators] after restarting " + name + ": " + e);
            }
        }

        private boolean accepting() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri().getHost(), port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static void sleepBriefly() {
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for an emulator", e);
            }
        }
    }
}
