package id.warta.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import id.warta.json.Json;
import id.warta.local.Emulators;
import id.warta.local.LocalApiServer;
import id.warta.local.LocalCloud;
import id.warta.local.LocalFunction;
import id.warta.local.SamTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The reader site: warm render of the metered article page against the articles handler's GET of
 * the same article (one JVM, alternated in blocks, like {@link WarmLatency}); the bytes of the home
 * and article pages and of the assets they load, raw and gzipped; and Lighthouse 12.2.3 (npx, with
 * the Debian chromium, mobile) on both pages served by the local site server, its reports kept
 * under benchmarks/runner/target/lighthouse.
 */
final class SiteBench {
    static final String LIGHTHOUSE = "lighthouse@12.2.3";
    static final int INVOCATIONS = 5_000;
    static final String HOME = "/";
    static final String ARTICLE = "/ekonomi/petani-karawang-tunda-tanam-karena-pupuk-langka";
    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/assets/[^\"]+)\"");

    record Weight(String page, int htmlRaw, int htmlGzip, int cssRaw, int cssGzip, int jsRaw, int jsGzip, int thirdPartyRequests) {
    }

    /** Category scores 0..100 of one page; empty when Lighthouse could not run (the reason in {@code note}). */
    record Scores(String page, Map<String, Integer> categories, String note) {
    }

    record Result(Stats sitePage, Stats apiArticle, List<Weight> weights, List<Scores> lighthouse) {
    }

    private SiteBench() {
    }

    static Result measure(LocalCloud cloud, Path reports) throws Exception {
        LocalFunction site = cloud.function("SiteFunction");
        LocalFunction articles = cloud.function("ArticlesFunction");
        Object page = site.fromJson(Files.readString(cloud.root().resolve("events/site/metered-article.json")));
        Object api = articles.fromJson(Files.readString(cloud.root().resolve("events/articles/get-metered-article.json")));
        WarmLatency.Timed timed = WarmLatency.alternate(() -> site.invoke(page), () -> articles.invoke(api), 1_000, INVOCATIONS);
        List<Weight> weights = List.of(weight(site, HOME), weight(site, ARTICLE));
        return new Result(timed.first(), timed.second(), weights, lighthouse(cloud, reports));
    }

    private static String get(LocalFunction site, String path) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath(path)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("bench")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                        .build())
                .build();
        return ((APIGatewayV2HTTPResponse) site.invoke(event)).getBody();
    }

    private static Weight weight(LocalFunction site, String path) throws IOException {
        String html = get(site, path);
        int cssRaw = 0;
        int cssGzip = 0;
        int jsRaw = 0;
        int jsGzip = 0;
        Matcher assets = ASSET.matcher(html);
        while (assets.find()) {
            String body = get(site, assets.group(1));
            if (assets.group(1).endsWith(".css")) {
                cssRaw += bytes(body).length;
                cssGzip += gzip(body);
            } else {
                jsRaw += bytes(body).length;
                jsGzip += gzip(body);
            }
        }
        // Everything a page loads by itself: its stylesheet and scripts (the content's images aside) come from the site.
        int thirdParty = (int) Pattern.compile("<link rel=\"stylesheet\" href=\"https?://|<script[^>]* src=\"https?://")
                .matcher(html).results().count();
        return new Weight(path, bytes(html).length, gzip(html), cssRaw, cssGzip, jsRaw, jsGzip, thirdParty);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes(text));
        }
        return out.size();
    }

    private static List<Scores> lighthouse(LocalCloud cloud, Path reports) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            return List.of(new Scores(HOME, Map.of(), "not run: no /usr/bin/chromium (apt-get install chromium)"));
        }
        Files.createDirectories(reports);
        LocalApiServer server = new LocalApiServer(cloud, SamTemplate.SITE, Emulators.freePort()).start();
        try {
            List<Scores> scores = new ArrayList<>();
            for (String path : List.of(HOME, ARTICLE)) {
                Path report = reports.resolve((path.equals(HOME) ? "home" : "metered-article") + ".json");
                ProcessBuilder lighthouse = new ProcessBuilder("npx", "--yes", LIGHTHOUSE, server.uri() + path,
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu", "--form-factor=mobile",
                        "--only-categories=performance,accessibility,best-practices,seo", "--output=json",
                        "--output-path=" + report, "--quiet").redirectErrorStream(true);
                lighthouse.environment().put("CHROME_PATH", chromium.toString());
                Process process = lighthouse.start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.isRegularFile(report)) {
                    scores.add(new Scores(path, Map.of(), "failed: " + output.lines().reduce((a, b) -> b).orElse("")));
                    continue;
                }
                JsonNode categories = Json.mapper().readTree(report.toFile()).path("categories");
                Map<String, Integer> byCategory = new LinkedHashMap<>();
                categories.properties().forEach(e -> byCategory.put(e.getKey(), (int) Math.round(e.getValue().path("score").asDouble() * 100)));
                scores.add(new Scores(path, byCategory, cloud.root().relativize(report).toString()));
            }
            return scores;
        } finally {
            server.close();
        }
    }
}
