package id.warta.bench;

import id.warta.local.DeploymentPackage;
import id.warta.local.LocalCloud;
import id.warta.local.SamTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SnapStart priming, measured as what it buys: the first invocation after priming against the first
 * invocation without it, each in a fresh JVM with the Lambda flags, alternated, per API function.
 */
final class Priming {
    /** The API functions (SnapStart is on for them) and the event their first request carries. */
    private static final Map<String, String> FIRST_REQUEST = Map.of(
            "ArticlesFunction", "events/articles/get-article.json",
            "ViewsFunction", "events/views/record-view.json",
            "AccountsFunction", "events/accounts/login.json",
            "SiteFunction", "events/site/metered-article.json");

    record Result(String function, Stats unprimed, Stats primed) {
        double ratio() {
            return primed.p50() / unprimed.p50();
        }
    }

    private Priming() {
    }

    static List<Result> measure(Path root, LocalCloud cloud, Path scratch, int rounds) throws Exception {
        List<Result> results = new ArrayList<>();
        for (SamTemplate.Function function : cloud.template().functions()) {
            String event = FIRST_REQUEST.get(function.logicalId());
            if (event == null) {
                continue;
            }
            Path lib = Contender.taskRoot(DeploymentPackage.of(root.resolve(function.codeUri())), scratch.resolve("priming"))
                    .resolve("lib");
            String classpath = lib.resolve("*") + ":" + root.resolve("benchmarks/runner/target/ric/*") + ":"
                    + root.resolve("benchmarks/runner/target/classes");
            Map<String, List<Double>> samples = new LinkedHashMap<>(Map.of("false", new ArrayList<>(), "true", new ArrayList<>()));
            for (int round = 0; round < rounds; round++) {
                for (String prime : List.of("false", "true")) {
                    samples.get(prime).add(run(classpath, function, prime, root.resolve(event), cloud));
                }
            }
            results.add(new Result(function.logicalId(), Stats.of(samples.get("false")), Stats.of(samples.get("true"))));
        }
        return results;
    }

    private static double run(String classpath, SamTemplate.Function function, String prime, Path event, LocalCloud cloud)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ColdStarts.LAMBDA_FLAGS);
        command.addAll(List.of("-cp", classpath, PrimingProbe.class.getName(), function.handlerClass(), prime, event.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(cloud.environmentOf(function));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output.lines().filter(l -> l.startsWith("FIRST_INVOCATION_MS="))
                .map(l -> Double.parseDouble(l.substring("FIRST_INVOCATION_MS=".length())))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(function.logicalId() + " probe failed: " + output));
    }
}
