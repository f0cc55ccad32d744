package id.warta.bench;

import id.warta.content.Article;
import id.warta.dynamo.Attr;
import id.warta.local.Emulators;
import id.warta.local.LocalApiServer;
import id.warta.local.LocalCloud;
import id.warta.local.Seeder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load run on loopback through the local API server: 16 clients, a read-heavy mix (80 %
 * article reads, 15 % views, 5 % recommendations), a fixed duration and request cap; beside it, in
 * the same run, the bare emulator's GetItem throughput with the same concurrency.
 */
final class LoadRun {
    static final int CLIENTS = 16;
    static final Duration DURATION = Duration.ofSeconds(15);
    static final int MAX_REQUESTS = 100_000;

    record Result(int requests, int errors, double throughput, Stats latency, double bareThroughput) {
    }

    private LoadRun() {
    }

    static Result measure(LocalCloud cloud) throws Exception {
        List<String> slugs = Seeder.read(Instant.now()).articles().stream().map(Article::slug).toList();
        int port = Emulators.freePort();
        try (LocalApiServer server = new LocalApiServer(cloud, port).start()) {
            URI api = server.uri();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            long deadline = System.nanoTime() + DURATION.toNanos();
            long started = System.nanoTime();
            try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
                for (int c = 0; c < CLIENTS; c++) {
                    clients.submit(() -> {
                        String readerId = UUID.randomUUID().toString();
                        while (System.nanoTime() < deadline && sent.incrementAndGet() <= MAX_REQUESTS) {
                            HttpRequest request = next(api, slugs, readerId);
                            long t0 = System.nanoTime();
                            try {
                                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                                if (status >= 500) {
                                    errors.incrementAndGet();
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                            latencies.add((System.nanoTime() - t0) / 1_000_000.0);
                        }
                        return null;
                    });
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int requests = latencies.size();
            return new Result(requests, errors.get(), requests / seconds, Stats.of(latencies), bareGetItems(cloud.dynamo(), slugs));
        }
    }

    private static HttpRequest next(URI api, List<String> slugs, String readerId) {
        String slug = slugs.get(ThreadLocalRandom.current().nextInt(slugs.size()));
        int dice = ThreadLocalRandom.current().nextInt(100);
        HttpRequest.Builder builder = HttpRequest.newBuilder().header("X-Reader-Id", readerId)
                .header("User-Agent", "Mozilla/5.0 (load)").timeout(Duration.ofSeconds(10));
        if (dice < 80) {
            return builder.uri(api.resolve("/articles/" + slug)).GET().build();
        }
        if (dice < 95) {
            return builder.uri(api.resolve("/articles/" + slug + "/views")).POST(HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.uri(api.resolve("/articles/" + slug + "/recommendations")).GET().build();
    }

    private static double bareGetItems(DynamoDbClient dynamo, List<String> slugs) throws Exception {
        AtomicInteger done = new AtomicInteger();
        long deadline = System.nanoTime() + DURATION.toNanos();
        long started = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (System.nanoTime() < deadline && done.get() < MAX_REQUESTS) {
                        String slug = slugs.get(ThreadLocalRandom.current().nextInt(slugs.size()));
                        dynamo.getItem(b -> b.tableName(Seeder.CONTENT_TABLE).key(Map.of("pk", Attr.s("ARTICLE#" + slug))));
                        done.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }
}
