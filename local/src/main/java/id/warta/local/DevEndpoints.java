package id.warta.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a running bin/dev keeps its emulators, and the template parameters it runs with (SiteUrl,
 * the OIDC test issuer), so that bin/invoke talks to the same data and sends the same links.
 */
final class DevEndpoints {
    static final String FILE = "local/target/dev-endpoints.properties";
    private static final String PARAMETER = "parameter.";

    private DevEndpoints() {
    }

    /** A running bin/dev: its emulators and its template parameter overrides. */
    record Running(Emulators emulators, Map<String, String> parameters) {
    }

    static void write(Path file, URI dynamoDb, URI ses, Map<String, String> parameters) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("dynamodb", dynamoDb.toString());
        properties.setProperty("ses", ses.toString());
        parameters.forEach((name, value) -> properties.setProperty(PARAMETER + name, value));
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "Written by bin/dev while it runs");
        }
    }

    /** The running bin/dev, if there is one. */
    static Optional<Running> running(Path root) {
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI dynamoDb = URI.create(properties.getProperty("dynamodb"));
        if (!accepting(dynamoDb)) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        properties.stringPropertyNames().stream().filter(name -> name.startsWith(PARAMETER))
                .forEach(name -> parameters.put(name.substring(PARAMETER.length()), properties.getProperty(name)));
        return Optional.of(new Running(Emulators.external(root, dynamoDb, URI.create(properties.getProperty("ses"))),
                Map.copyOf(parameters)));
    }

    private static boolean accepting(URI uri) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
