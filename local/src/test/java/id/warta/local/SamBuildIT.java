package id.warta.local;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real AWS SAM CLI accepts the project as a fresh clone has it: `sam validate --lint` is clean,
 * `sam build` builds every function and `sam build --build-in-source` builds one (the same Makefile
 * path run from the tree instead of SAM's scratch copy). Each artifact is what Lambda loads: lib/
 * holding exactly the function's own jar and the runtime jars Maven resolves for its module (the
 * package FootprintTest measures), the handler class, no test jar, no library in two versions.
 *
 * <p>Needs the SAM CLI runner at ../shared/tools/sam beside the checkout, as CI has it, or a `sam`
 * named by WARTA_SAM_CLI. Where there is none the test is skipped and says so.
 */
class SamBuildIT {
    private static final Set<String> NOT_IN_A_FRESH_CLONE = Set.of(".git", ".aws-sam", ".idea", "node_modules", "target");
    private static final Pattern VERSIONED_JAR = Pattern.compile("(.+?)-(\\d[^-]*(?:-SNAPSHOT)?)\\.jar");
    private static final Pattern TEST_ONLY_JAR = Pattern.compile(
            ".*-tests\\.jar|(junit|junit-jupiter.*|junit-platform.*|assertj-core|jqwik.*|opentest4j|apiguardian-api"
                    + "|aws-lambda-java-tests|testcontainers.*|mockito.*)-\\d.*\\.jar");
    private static final Duration SAM_TIMEOUT = Duration.ofMinutes(8);

    private static Path samCli;

    @TempDir
    Path scratch;

    private final Path root = ProjectRoot.find();
    private final SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));

    @BeforeAll
    static void findSamCli() {
        String configured = System.getenv("WARTA_SAM_CLI");
        Path candidate = ProjectRoot.find()
                .resolve(configured == null || configured.isBlank() ? "../shared/tools/sam" : configured).normalize();
        if (!Files.isExecutable(candidate)) {
            String reason = "skipped: SAM CLI check (sam validate --lint, sam build): no runner at " + candidate
                    + "; put the SAM CLI runner at ../shared/tools/sam or set WARTA_SAM_CLI";
            System.err.println(reason);
            Assumptions.abort(reason);
        }
        samCli = candidate;
    }

    @Test
    void samBuildsEveryFunctionFromAFreshCloneWithOnlyItsRuntimeJars() throws Exception {
        Path clone = scratch.resolve("clone");
        copyAsFreshClone(root, clone);

        sam(clone, "validate", "--lint");
        sam(clone, "build");
        for (SamTemplate.Function function : template.functions()) {
            assertArtifactHoldsExactlyTheFunctionPackage(clone, function);
        }

        SamTemplate.Function first = template.functions().getFirst();
        sam(clone, "build", "--build-in-source", first.logicalId());
        assertArtifactHoldsExactlyTheFunctionPackage(clone, first);
    }

    private void assertArtifactHoldsExactlyTheFunctionPackage(Path clone, SamTemplate.Function function) throws IOException {
        Path lib = clone.resolve(".aws-sam/build").resolve(function.logicalId()).resolve("lib");
        assertThat(lib).as(function.logicalId() + " artifact lib/").isDirectory();
        Set<String> shipped = jarNames(lib);
        Set<String> expected = DeploymentPackage.of(root.resolve(function.codeUri())).jars().stream()
                .map(jar -> jar.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        String moduleJarPrefix = Path.of(function.codeUri()).getFileName() + "-";

        assertThat(shipped).as(function.logicalId() + " jars: the module's own and its runtime jars")
                .isEqualTo(expected)
                .anyMatch(name -> name.startsWith(moduleJarPrefix))
                .anyMatch(name -> name.startsWith("warta-domain-"));
        assertThat(shipped).as(function.logicalId() + " test jars").noneMatch(name -> TEST_ONLY_JAR.matcher(name).matches());
        assertThat(librariesInMoreThanOneVersion(shipped)).as(function.logicalId() + " libraries in two versions").isEmpty();
        assertThat(containsClass(lib, function.handlerClass())).as(function.logicalId() + " handler " + function.handlerClass()).isTrue();
    }

    private static Set<String> jarNames(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> librariesInMoreThanOneVersion(Set<String> jars) {
        Map<String, List<String>> byLibrary = jars.stream().map(VERSIONED_JAR::matcher).filter(Matcher::matches)
                .collect(Collectors.groupingBy(m -> m.group(1), Collectors.mapping(m -> m.group(2), Collectors.toList())));
        return byLibrary.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean containsClass(Path lib, String className) throws IOException {
        String entry = className.replace('.', '/') + ".class";
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    if (zip.getEntry(entry) != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** What `git clone` of this working tree gives: no build output, no installed npm packages, no .git. */
    private static void copyAsFreshClone(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && NOT_IN_A_FRESH_CLONE.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!NOT_IN_A_FRESH_CLONE.contains(file.getFileName().toString())) {
                    Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Runs the SAM CLI in the clone; its make targets run Maven with the JDK of this test and offline
     * (this build has already resolved every plugin and dependency they use).
     */
    private void sam(Path clone, String... arguments) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of(samCli.toString()), Stream.of(arguments)).toList();
        Path log = Files.createTempFile(scratch, "sam-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(clone.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        String javaHome = System.getProperty("java.home");
        environment.put("JAVA_HOME", javaHome);
        environment.put("PATH", javaHome + "/bin:" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("MVN", "mvn -B -q -o");

        long started = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(SAM_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.printf("sam %s: %d s%n", String.join(" ", arguments), Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(finished).as("sam " + String.join(" ", arguments) + " within " + SAM_TIMEOUT + "\n" + output).isTrue();
        assertThat(process.exitValue()).as("sam " + String.join(" ", arguments) + " exit code\n" + output).isZero();
    }
}
