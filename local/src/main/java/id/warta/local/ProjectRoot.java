package id.warta.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's top folder (template.yaml, package.json, events/), found from wherever a tool runs. */
public final class ProjectRoot {
    private ProjectRoot() {
    }

    public static Path find() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("template.yaml")) && Files.isRegularFile(p.resolve("package.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("No template.yaml and package.json above " + dir);
    }
}
