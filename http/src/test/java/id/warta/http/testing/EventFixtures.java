package id.warta.http.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real-shaped events in the project's events/ folder (the same files `sam local invoke -e`
 * takes), loaded as the Lambda runtime would deserialise them.
 */
public final class EventFixtures {
    private EventFixtures() {
    }

    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("template.yaml")) && Files.isDirectory(p.resolve("events"))) {
                return p;
            }
        }
        throw new IllegalStateException("No project root with template.yaml and events/ above " + Path.of("").toAbsolutePath());
    }

    /** @param relative path under events/, e.g. "articles/list-articles.json" */
    public static Path path(String relative) {
        Path file = root().resolve("events").resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No event fixture " + file);
        }
        return file;
    }

    public static APIGatewayV2HTTPEvent httpEvent(String relative) {
        return com.amazonaws.services.lambda.runtime.tests.EventLoader.loadApiGatewayHttpEvent(path(relative).toString());
    }
}
