package id.warta.local;


import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * bin/invoke FUNCTION EVENT_FILE: like `sam local invoke FUNCTION -e EVENT_FILE`, without Docker.
 * Uses the emulators and parameters of a running bin/dev if there is one; otherwise starts its own
 * emulators, seeded, with the site parameters bin/dev would use (so email links point at the local
 * pages, never at the production SiteUrl).
 */
public final class Invoke {
    private Invoke() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: bin/invoke <FunctionLogicalId> <event.json>   e.g. bin/invoke ArticlesFunction events/articles/list-articles.json");
            System.exit(2);
        }
        Path root = ProjectRoot.find();
        String event = Files.readString(Path.of(args[1]).toAbsolutePath());
        Optional<DevEndpoints.Running> running = DevEndpoints.running(root);
        Emulators emulators = running.map(DevEndpoints.Running::emulators).orElseGet(() -> Emulators.start(root));
        try (LocalCloud cloud = LocalCloud.start(root, emulators, parameters(running), Map.of())) {
            if (running.isEmpty()) {
                Seeder.seed(cloud.dynamo(), Seeder.CONTENT_TABLE, Instant.now());
            }
            System.out.println(cloud.function(args[0]).invokeJson(event));
        }
    }

    /** The running bin/dev's parameters, or the local site's that bin/dev would use. */
    static Map<String, String> parameters(Optional<DevEndpoints.Running> running) {
        return running.map(DevEndpoints.Running::parameters).orElseGet(() -> LocalSite.parameters(LocalSite.port(), LocalSite.sitePort()));
    }
}
