package id.warta.local;

import id.warta.local.oidc.LocalOidcIssuer;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** bin/dev: the whole API and the reader site on this machine with sample content, until Ctrl-C or SIGTERM. */
public final class Dev {
    private Dev() {
    }

    public static void main(String[] args) throws Exception {
        int port = LocalSite.port();
        int sitePort = LocalSite.sitePort();
        int speedUp = Integer.parseInt(System.getenv().getOrDefault("WARTA_SCHEDULE_SPEEDUP", "20"));
        String apiUrl = LocalSite.apiUrl(port);

        LocalOidcIssuer oidc = LocalOidcIssuer.start(Integer.parseInt(System.getenv().getOrDefault("WARTA_OIDC_PORT", "0")));
        Map<String, String> parameters = new HashMap<>(oidc.signInParameters());
        parameters.putAll(LocalSite.parameters(port, sitePort));
        Path root = ProjectRoot.find();
        Path logs = root.resolve(".warta/logs");
        Path data = dataDirectory(root);
        // Fixed ports and a non-loopback address let sam local's containers reach the emulators (README: sam local).
        String emulatorHost = System.getenv().getOrDefault("WARTA_EMULATOR_HOST", "127.0.0.1");
        Emulators emulators = Emulators.start(root, emulatorHost,
                Integer.parseInt(System.getenv().getOrDefault("WARTA_DYNAMODB_PORT", "0")),
                Integer.parseInt(System.getenv().getOrDefault("WARTA_SES_PORT", "0")), logs, data);
        LocalSecretsManager secrets = LocalSecretsManager.start(emulatorHost,
                Integer.parseInt(System.getenv().getOrDefault("WARTA_SECRETS_MANAGER_PORT", "0")));
        LocalCloud cloud = LocalCloud.start(root, emulators, secrets, parameters, Map.of());
        LocalApiServer server = null;
        LocalApiServer site;
        try {
            server = start(new LocalApiServer(cloud, SamTemplate.API, port), port, "WARTA_PORT");
            site = start(new LocalApiServer(cloud, SamTemplate.SITE, sitePort), sitePort, "WARTA_SITE_PORT");
        } catch (BindException e) {
            if (server != null) {
                server.close();
            }
            cloud.close();
            oidc.close();
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        LocalApiServer api = server;
        Seeder.Seeded seeded = Seeder.seed(cloud.dynamo(), Seeder.CONTENT_TABLE, Instant.now());
        LocalScheduler scheduler = new LocalScheduler(cloud, speedUp).start();
        Path endpoints = writeEndpoints(cloud, parameters);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.close();
            site.close();
            api.close();
            cloud.close();
            oidc.close();
            deleteQuietly(endpoints);
            System.out.println("Stopped.");
            stopped.countDown();
        }));

        System.out.println("Seeded " + seeded.articles().size() + " articles and " + seeded.videos().size() + " videos.");
        System.out.println("API: " + apiUrl);
        System.out.println("Site: " + LocalSite.siteUrl(sitePort));
        System.out.println("Mailbox: " + cloud.emulators().mailbox());
        System.out.println("OIDC test issuer: " + oidc.issuer() + "  (Google, Apple and Facebook on the site; GET "
                + oidc.issuer() + "/mint?email=...&nonce=... returns an ID token for POST /auth/oidc/google)");
        System.out.println("Admin: AWS_ACCESS_KEY_ID=" + cloud.adminCredentials().accessKeyId()
                + " AWS_SECRET_ACCESS_KEY=" + cloud.adminCredentials().secretAccessKey() + " region " + LocalCloud.REGION
                + " (sign with service " + LocalIamAuthorizer.SERVICE + "; the IAM-authorised /admin routes need it)");
        System.out.println("Logs: " + root.relativize(cloud.emulators().dynamoDbLog()) + ", "
                + root.relativize(cloud.emulators().sesLog()) + "  (an emulator that dies is restarted on its port, and this console says so)");
        System.out.println("Data: " + data + "  (tables survive restarts of bin/dev; stop it and delete that folder to start empty)");
        System.out.println("DynamoDB: " + cloud.emulators().dynamoDbEndpoint() + "  (aws dynamodb list-tables --endpoint-url "
                + cloud.emulators().dynamoDbEndpoint() + ")");
        System.out.println("Secrets Manager: " + secrets.endpoint() + "  (keys generated for this run; rehearse a key rotation"
                + " with aws secretsmanager put-secret-value --endpoint-url " + secrets.endpoint() + ", README: Operating Warta)");
        stopped.await();
    }

    /** Starts the server, or says which variable moves it off a port in use. */
    private static LocalApiServer start(LocalApiServer server, int port, String portVariable) throws IOException {
        try {
            return server.start();
        } catch (BindException e) {
            throw new BindException("Port " + port + " is in use: set " + portVariable + " to another port.");
        }
    }

    /** WARTA_DATA_DIR, or .warta/dynamodb in the project: where dynalite keeps the tables between runs. */
    private static Path dataDirectory(Path root) {
        String configured = System.getenv("WARTA_DATA_DIR");
        return configured == null || configured.isBlank() ? root.resolve(".warta/dynamodb") : Path.of(configured).toAbsolutePath();
    }

    /** Lets bin/invoke reach this run's emulators, with this run's parameters, instead of starting its own. */
    private static Path writeEndpoints(LocalCloud cloud, Map<String, String> parameters) throws IOException {
        Path file = cloud.root().resolve(DevEndpoints.FILE);
        Files.createDirectories(file.getParent());
        DevEndpoints.write(file, cloud.emulators().dynamoDbEndpoint(), cloud.emulators().sesEndpoint(), parameters);
        return file;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("Could not delete " + file + ": " + e.getMessage());
        }
    }
}
