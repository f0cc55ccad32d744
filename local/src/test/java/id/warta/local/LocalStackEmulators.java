package id.warta.local;

import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Path;

/**
 * The opt-in profile (mvn verify -Plocalstack): the same integration tests against LocalStack in
 * Docker. Never the default: with no reachable image registry Testcontainers retries for minutes.
 */
final class LocalStackEmulators {
    private LocalStackEmulators() {
    }

    static Emulators start(Path root) {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.10"))
                .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SES);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return Emulators.external(root, container.getEndpoint(), container.getEndpoint());
    }
}
