package id.warta.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold starts as Lambda performs them: a fresh JVM with the java25 runtime's flags (heap sized for a
 * 1024 MB function) runs the real runtime interface client, which loads the handler from the task
 * root and invokes it once with the event; measured from process start to the response.
 */
final class ColdStarts implements AutoCloseable {
    /**
     * The managed runtime's launch flags (as documented for java17/java21; java25 keeps tiered
     * compilation to C1 and Serial GC), sized like Lambda sizes them for 1024 MB: heap 85 %, metaspace
     * 10 %, code cache 5 %.
     */
    static final List<String> LAMBDA_FLAGS = List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
            "-XX:MaxHeapSize=891289k", "-XX:MaxMetaspaceSize=104857k", "-XX:ReservedCodeCacheSize=52428k",
            "-Djava.net.preferIPv4Stack=true");
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Path java;
    private final Path ric;
    private final Path scratch;
    private final RuntimeApiEmulator api;

    /** @param classesByOrigin classes loaded before the response, by where they come from (empty unless counted) */
    record Run(double millis, Map<String, Integer> classesByOrigin) {
        int classesLoaded() {
            return classesByOrigin.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Package prefixes, in the order they are matched, and the origin they are reported under. */
    private static final List<Map.Entry<String, String>> ORIGINS = List.of(
            Map.entry("software.amazon.awssdk.", "AWS SDK"),
            Map.entry("com.fasterxml.jackson.", "Jackson"),
            Map.entry("com.amazonaws.lambda.thirdparty.", "Lambda runtime client"),
            Map.entry("com.amazonaws.services.lambda.runtime.api.", "Lambda runtime client"),
            Map.entry("com.amazonaws.services.lambda.runtime.serialization.", "Lambda runtime client"),
            Map.entry("com.amazonaws.services.lambda.runtime.", "Lambda events and core"),
            Map.entry("id.warta.", "Warta"),
            Map.entry("java.", "JDK"),
            Map.entry("javax.", "JDK"),
            Map.entry("jdk.", "JDK"),
            Map.entry("sun.", "JDK"),
            Map.entry("com.sun.", "JDK"));
    static final List<String> ORIGIN_NAMES = List.of(
            "JDK", "Lambda runtime client", "Lambda events and core", "AWS SDK", "Jackson", "Warta", "other libraries");

    private static Map<String, Integer> classesByOrigin(Path classLog) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ORIGIN_NAMES.forEach(name -> counts.put(name, 0));
        for (String line : Files.readAllLines(classLog)) {
            int source = line.indexOf(" source:");
            if (source < 0) {
                continue;
            }
            String className = line.substring(line.lastIndexOf("] ", source) + 2, source);
            String origin = ORIGINS.stream().filter(o -> className.startsWith(o.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse("other libraries");
            counts.merge(origin, 1, Integer::sum);
        }
        return counts;
    }

    ColdStarts(Path ric, Path scratch) throws IOException {
        this.java = Path.of(System.getProperty("java.home"), "bin", "java");
        this.ric = ric;
        this.scratch = scratch;
        this.api = new RuntimeApiEmulator();
    }

    /** One cold start; with {@code countClasses}, the JVM also logs class loading (slower, not timed). */
    Run once(Contender contender, boolean countClasses) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(LAMBDA_FLAGS);
        command.add("-XX:ErrorFile=" + scratch.resolve("hs_err_%p.log"));
        command.add("--enable-native-access=ALL-UNNAMED");
        Path classLog = scratch.resolve(contender.name().replaceAll("\\W", "_") + "-classes.log");
        if (countClasses) {
            command.add("-Xlog:class+load=info:file=" + classLog);
        }
        command.add("-cp");
        command.add(ric.resolve("*").toString());
        command.add(RIC_MAIN);
        command.add(contender.handler());

        Map<String, String> environment = new HashMap<>(contender.environment());
        environment.put("AWS_LAMBDA_RUNTIME_API", api.address());
        environment.put("LAMBDA_TASK_ROOT", contender.taskRoot().toString());
        environment.put("_HANDLER", contender.handler());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", contender.name());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bench");
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench");

        // The runtime interface client loads the function from its working directory, as /var/task on Lambda.
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(contender.taskRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(scratch.resolve("last-" + contender.name().replaceAll("\\W", "_") + ".out").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));

        api.offer(contender.event());
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            RuntimeApiEmulator.Outcome outcome = api.await(120);
            if (outcome.error()) {
                throw new IllegalStateException(contender.name() + " failed: " + outcome.body());
            }
            double millis = (outcome.atNanos() - started) / 1_000_000.0;
            return new Run(millis, countClasses ? classesByOrigin(classLog) : Map.of());
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws IOException {
        api.close();
    }
}
