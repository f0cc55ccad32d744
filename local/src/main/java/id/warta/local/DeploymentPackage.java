package id.warta.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A function's deployment package as `sam build` lays it out from a Maven module: the module's own
 * jar plus its runtime jars (target/lambda/lib), all under lib/ of the zip that is uploaded.
 */
public record DeploymentPackage(Path module, List<Path> jars) {

    public static DeploymentPackage of(Path module) throws IOException {
        List<Path> jars = new ArrayList<>(jarsIn(module.resolve("target/lambda/lib")));
        jars.addAll(jarsIn(module.resolve("target")));
        return new DeploymentPackage(module, List.copyOf(jars));
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: package the functions first (mvn package)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** The size of the zip that is uploaded: lib/*.jar, deflated. */
    public long zippedBytes() throws IOException {
        CountingOutputStream counter = new CountingOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(counter)) {
            for (Path jar : jars) {
                zip.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
                Files.copy(jar, zip);
                zip.closeEntry();
            }
        }
        return counter.count;
    }

    private static final class CountingOutputStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
