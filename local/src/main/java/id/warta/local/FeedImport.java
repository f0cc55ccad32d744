package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import id.warta.json.Json;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/import}: publishes the articles of an RSS 2.0 or Atom feed (a file or a URL) or of a
 * JSON Lines file (one {@code PUT /admin/articles/{slug}} body per line, with its {@code "slug"}) into
 * a running stack, each as one SigV4-signed PUT (the AWS SDK's signer, service execute-api). The same
 * input again changes nothing: every item then reports "unchanged". An item that fails is reported
 * and the import goes on; the exit status says whether any failed.
 */
public final class FeedImport {
    static final String LOCAL_API = "http://127.0.0.1:3000";

    enum Outcome { CREATED, REPLACED, UNCHANGED, FAILED }

    private final URI api;
    private final AwsCredentialsIdentity credentials;
    private final String region;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    FeedImport(URI api, AwsCredentialsIdentity credentials, String region, PrintStream out) {
        this.api = api;
        this.credentials = credentials;
        this.region = region;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: bin/import <feed.xml | https://.../feed | articles.jsonl> [--api URL] [--section NAME]");
            System.exit(2);
        }
        String source = args[0];
        String apiUrl = option(args, "--api").or(() -> Optional.ofNullable(System.getenv("WARTA_API_URL"))).orElse(LOCAL_API);
        String section = option(args, "--section").orElse("berita");
        String key = System.getenv("AWS_ACCESS_KEY_ID");
        String secret = System.getenv("AWS_SECRET_ACCESS_KEY");
        if (key == null || secret == null) {
            System.err.println("Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (for bin/dev: the Admin: line it prints).");
            System.exit(2);
        }
        String token = System.getenv("AWS_SESSION_TOKEN");
        AwsCredentialsIdentity credentials = token == null ? AwsCredentialsIdentity.create(key, secret)
                : AwsSessionCredentialsIdentity.create(key, secret, token);
        String region = Optional.ofNullable(System.getenv("AWS_REGION")).orElse(LocalCloud.REGION);
        Map<Outcome, Integer> totals = new FeedImport(URI.create(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/"),
                credentials, region, System.out).run(items(source, section));
        System.exit(totals.getOrDefault(Outcome.FAILED, 0) == 0 ? 0 : 1);
    }

    private static Optional<String> option(String[] args, String name) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** The articles of a feed (file or http(s) URL) or JSON Lines file. */
    static List<FeedArticles.Item> items(String source, String defaultSection) throws Exception {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return jsonLines(Files.readAllLines(Path.of(source), StandardCharsets.UTF_8));
        }
        try (InputStream in = lower.startsWith("http://") || lower.startsWith("https://")
                ? HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(source)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofInputStream()).body()
                : Files.newInputStream(Path.of(source));
             XmlReader reader = new XmlReader(in)) {
            return FeedArticles.of(new SyndFeedInput().build(reader), defaultSection);
        }
    }

    static List<FeedArticles.Item> jsonLines(List<String> lines) throws IOException {
        List<FeedArticles.Item> items = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode body = (ObjectNode) Json.mapper().readTree(line);
            JsonNode slug = body.remove("slug");
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = Json.mapper().convertValue(body, Map.class);
            items.add(new FeedArticles.Item(slug == null ? "" : slug.asText(), fields));
        }
        return items;
    }

    /** Publishes every item, one line of progress each; returns how many had each outcome. */
    Map<Outcome, Integer> run(List<FeedArticles.Item> items) {
        Map<Outcome, Integer> totals = new EnumMap<>(Outcome.class);
        int done = 0;
        for (FeedArticles.Item item : items) {
            done++;
            String detail;
            Outcome outcome;
            try {
                HttpResponse<String> response = put(item);
                outcome = outcomeOf(response);
                detail = outcome == Outcome.FAILED ? response.statusCode() + " " + response.body() : "";
            } catch (IOException | RuntimeException e) {
                outcome = Outcome.FAILED;
                detail = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            totals.merge(outcome, 1, Integer::sum);
            out.printf("[%d/%d] %-9s %s%s%n", done, items.size(), outcome.name().toLowerCase(Locale.ROOT), item.slug(),
                    detail.isEmpty() ? "" : "  " + detail);
        }
        out.printf("%d created, %d replaced, %d unchanged, %d failed%n", totals.getOrDefault(Outcome.CREATED, 0),
                totals.getOrDefault(Outcome.REPLACED, 0), totals.getOrDefault(Outcome.UNCHANGED, 0),
                totals.getOrDefault(Outcome.FAILED, 0));
        return totals;
    }

    private static Outcome outcomeOf(HttpResponse<String> response) {
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            return Outcome.FAILED;
        }
        return response.headers().firstValue("warta-outcome")
                .map(o -> Outcome.valueOf(o.toUpperCase(Locale.ROOT)))
                .orElse(response.statusCode() == 201 ? Outcome.CREATED : Outcome.REPLACED);
    }

    private HttpResponse<String> put(FeedArticles.Item item) throws IOException, InterruptedException {
        if (item.slug().isEmpty()) {
            throw new IllegalArgumentException("no slug: the item has neither a usable link nor a title");
        }
        URI uri = api.resolve("admin/articles/" + item.slug());
        byte[] body = Json.mapper().writeValueAsBytes(item.body());
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials)
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(uri)
                        .putHeader("Content-Type", "application/json").build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, String.join(",", values));
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
