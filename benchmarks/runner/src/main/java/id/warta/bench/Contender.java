package id.warta.bench;

import id.warta.local.DeploymentPackage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One thing whose cold start is measured: a deployment package laid out as Lambda unpacks it (a task
 * root with lib/*.jar), its handler, its environment, and the event it is invoked with.
 */
record Contender(String name, DeploymentPackage deployment, Path taskRoot, String handler,
                 Map<String, String> environment, String event) {

    static Contender of(String name, Path module, Path scratch, String handler, Map<String, String> environment,
                        String event) throws IOException {
        DeploymentPackage deployment = DeploymentPackage.of(module);
        return new Contender(name, deployment, taskRoot(deployment, scratch), handler, environment, event);
    }

    /** Links the package's jars into a fresh task root's lib/, where the runtime looks for them. */
    static Path taskRoot(DeploymentPackage deployment, Path scratch) throws IOException {
        Path root = Files.createDirectories(scratch.resolve(deployment.module().getFileName().toString()));
        Path lib = Files.createDirectories(root.resolve("lib"));
        for (Path jar : deployment.jars()) {
            Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar.toAbsolutePath());
        }
        return root;
    }
}
