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
import java.util.concurrent.TimeUnit;

/**
 * The real local AWS: dynalite (DynamoDB) and aws-ses-v2-local (SES), from the npm packages pinned
 * in package.json, each a child process on a free loopback port. When AWS_ENDPOINT_URL is set, that
 * endpoint (LocalStack, say) is used for both instead and nothing is started.
 */
public final class Emulators implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final String LOOPBACK = "127.0.0.1";

    private final Path root;
    private final URI externalDynamoDb;
    private final URI externalSes;
    private Emulator dynamo;
    private Emulator ses;

    private Emulators(Path root, URI externalDynamoDb, URI externalSes) {
        this.root = root;
        this.externalDynamoDb = externalDynamoDb;
        this.externalSes = externalSes;
    }

    public static Emulators start(Path root) {
        return start(root, LOOPBACK, 0, 0);
    }

    /**
     * @param host         the address both emulators listen on: loopback, or one a Docker container
     *                     reaches (sam local)
     * @param dynamoDbPort the DynamoDB emulator's port, 0 for any free one
     * @param sesPort      the SES emulator's port, 0 for any free one
     */
    public static Emulators start(Path root, String host, int dynamoDbPort, int sesPort) {
        String external = System.getenv("AWS_ENDPOINT_URL");
        if (external != null && !external.isBlank()) {
            return external(root, URI.create(external), URI.create(external));
        }
        Emulators emulators = new Emulators(root, null, null);
        emulators.installPackagesIfMissing();
        emulators.dynamo = new Emulator(root, "node_modules/dynalite/cli.js", host, portOrFree(dynamoDbPort),
                List.of("--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        emulators.ses = new Emulator(root, "node_modules/aws-ses-v2-local/dist/cli.js", host, portOrFree(sesPort), List.of());
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

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One emulator process; it exits when this JVM does (see local/emulators/run.cjs). */
    private static final class Emulator {
        private final Path root;
        private final String cli;
        private final String host;
        private final int port;
        private final List<String> arguments;
        private Process process;

        Emulator(Path root, String cli, String host, int port, List<String> arguments) {
            this.root = root;
            this.cli = cli;
            this.host = host;
            this.port = port;
            this.arguments = arguments;
        }

        /** Where this machine reaches it: loopback when it listens on every address. */
        URI uri() {
            return URI.create("http://" + ("0.0.0.0".equals(host) ? LOOPBACK : host) + ":" + port);
        }

        void start() {
            List<String> command = new ArrayList<>(List.of("node", "local/emulators/run.cjs", cli,
                    "--host", host, "--port", Integer.toString(port)));
            command.addAll(arguments);
            try {
                process = new ProcessBuilder(command)
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start node: is Node 20 installed?", e);
            }
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (!accepting()) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(cli + " did not start on port " + port);
                }
                sleepBriefly();
            }
        }

        void stop() {
            if (process == null) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
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
