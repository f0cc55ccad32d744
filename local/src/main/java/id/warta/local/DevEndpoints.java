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
import java.util.Optional;
import java.util.Properties;

/** Where a running bin/dev keeps its emulators, so that bin/invoke talks to the same data. */
final class DevEndpoints {
    static final String FILE = "local/target/dev-endpoints.properties";

    private DevEndpoints() {
    }

    static void write(Path file, URI dynamoDb, URI ses) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("dynamodb", dynamoDb.toString());
        properties.setProperty("ses", ses.toString());
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "Written by bin/dev while it runs");
        }
    }

    /** The running bin/dev's emulators, if there is one. */
    static Optional<Emulators> running(Path root) {
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
        return Optional.of(Emulators.external(root, dynamoDb, URI.create(properties.getProperty("ses"))));
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
