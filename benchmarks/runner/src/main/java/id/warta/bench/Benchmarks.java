package id.warta.bench;

import id.warta.local.LocalCloud;
import id.warta.local.ProjectRoot;
import id.warta.local.SamTemplate;
import id.warta.local.Seeder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * bin/bench: measures every function side by side with the floor and a naive peer, on this machine,
 * against the local emulators, and writes BENCHMARKS.md. Contenders are alternated within one run
 * and reported as ratios; absolute times are context only.
 */
public final class Benchmarks {
    static final String FLOOR = "floor (hello world)";
    static final String SDK_FLOOR = "SDK floor (one GetItem)";
    static final String NAIVE_PEER = "naive peer (article read)";

    /** The event each function is cold-started with (events/<dir>/<file>). */
    private static final Map<String, String> COLD_START_EVENT = Map.of(
            "functions/articles", "articles/get-article.json",
            "functions/views", "views/record-view.json",
            "functions/accounts", "accounts/login.json",
            "functions/activation-mailer", "activation-mailer/sweep-schedule.json",
            "functions/recommendations", "recommendations/rebuild-schedule.json",
            "functions/site", "site/metered-article.json");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path root = ProjectRoot.find();
        Path scratch = Files.createTempDirectory("warta-bench");
        Report report = new Report(root, rounds);
        try (LocalCloud cloud = LocalCloud.start(Map.of(), Map.of())) {
            Seeder.seed(cloud.dynamo(), Seeder.CONTENT_TABLE, Instant.now());
            List<Contender> contenders = contenders(root, cloud, scratch);
            Map<String, ColdStartResult> starts;
            try (ColdStarts coldStarts = new ColdStarts(root.resolve("benchmarks/runner/target/ric"), scratch)) {
                starts = coldStarts(coldStarts, contenders, rounds);
                report.coldStarts(starts, contenders, apiFunctions(cloud.template()));
            }
            report.warmLatency(WarmLatency.measure(cloud));
            report.callsAndCost(CallCounts.measure(cloud));
            report.priming(Priming.measure(root, cloud, scratch, rounds));
            report.load(LoadRun.measure(cloud));
            report.site(SiteBench.measure(cloud, root.resolve("benchmarks/runner/target/lighthouse")), starts);
        }
        Path file = root.resolve("BENCHMARKS.md");
        Files.writeString(file, report.markdown() + keptSections(file));
        System.out.println(report.markdown());
    }

    /** Sections measured outside this runner (after {@link #KEPT}), which a new run keeps as they are. */
    static final String KEPT = "<!-- Sections below are measured outside bin/bench; it keeps them. -->";

    private static String keptSections(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        String previous = Files.readString(file);
        int kept = previous.indexOf(KEPT);
        return kept < 0 ? "" : "\n" + previous.substring(kept);
    }

    static List<Contender> contenders(Path root, LocalCloud cloud, Path scratch) throws IOException {
        String event = Files.readString(root.resolve("events/articles/get-article.json"));
        Map<String, String> aws = new LinkedHashMap<>(cloud.environmentOf(cloud.template().functions().getFirst()));
        aws.keySet().removeIf(k -> !k.startsWith("AWS_"));
        List<Contender> contenders = new ArrayList<>();
        contenders.add(Contender.of(FLOOR, root.resolve("benchmarks/floor"), scratch,
                "id.warta.bench.HelloHandler::handleRequest", aws, event));
        Map<String, String> naive = new LinkedHashMap<>(aws);
        naive.put("CONTENT_TABLE", Seeder.CONTENT_TABLE);
        // The SDK's own endpoint variable: the naive peer leaves everything to the SDK's default chains.
        naive.put("AWS_ENDPOINT_URL_DYNAMODB", cloud.emulators().dynamoDbEndpoint().toString());
        contenders.add(Contender.of(SDK_FLOOR, root.resolve("benchmarks/sdk-floor"), scratch,
                "id.warta.bench.SdkGetItemHandler::handleRequest", naive, event));
        contenders.add(Contender.of(NAIVE_PEER, root.resolve("benchmarks/naive-peer"), scratch,
                "id.warta.bench.NaiveArticleHandler::handleRequest", naive, event));
        for (SamTemplate.Function function : cloud.template().functions()) {
            if (!COLD_START_EVENT.containsKey(function.codeUri())) {
                continue; // no cold-start target (the newsroom, the SES feedback): not raced
            }
            Path fixture = root.resolve("events").resolve(COLD_START_EVENT.get(function.codeUri()));
            contenders.add(Contender.of(function.logicalId(), root.resolve(function.codeUri()), scratch,
                    function.handlerClass() + "::" + function.handlerMethod(), cloud.environmentOf(function),
                    Files.readString(fixture)));
        }
        return contenders;
    }

    /** The functions API Gateway invokes (the rest run on schedules): they have their own cold-start targets. */
    static Set<String> apiFunctions(SamTemplate template) {
        return template.httpRoutes().stream().map(SamTemplate.HttpRoute::functionId).collect(Collectors.toSet());
    }

    /** Round-robin: every round starts each contender once, so drift on the machine hits all alike. */
    static Map<String, ColdStartResult> coldStarts(ColdStarts coldStarts, List<Contender> contenders, int rounds)
            throws IOException, InterruptedException {
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> classes = new LinkedHashMap<>();
        for (Contender contender : contenders) {
            coldStarts.once(contender, false); // warms the OS page cache, not counted
            classes.put(contender.name(), coldStarts.once(contender, true).classesByOrigin());
            samples.put(contender.name(), new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (Contender contender : contenders) {
                samples.get(contender.name()).add(coldStarts.once(contender, false).millis());
            }
        }
        Map<String, ColdStartResult> results = new LinkedHashMap<>();
        samples.forEach((name, values) -> results.put(name, new ColdStartResult(Stats.of(values), classes.get(name))));
        return results;
    }

    record ColdStartResult(Stats stats, Map<String, Integer> classesByOrigin) {
        int classesLoaded() {
            return classesByOrigin.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
