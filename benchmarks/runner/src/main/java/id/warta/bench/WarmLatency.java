package id.warta.bench;

import id.warta.dynamo.Attr;
import id.warta.local.LocalCloud;
import id.warta.local.LocalFunction;
import id.warta.local.Seeder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Warm latency in one JVM: the articles handler serving GET /articles/{slug} (anonymous, a free
 * article: one GetItem) against a bare SDK GetItem of the same item, alternated in blocks.
 */
final class WarmLatency {
    static final int INVOCATIONS = 10_000;
    private static final int BLOCK = 500;

    record Result(Stats handler, Stats bareGetItem) {
        double p50Ratio() {
            return handler.p50() / bareGetItem.p50();
        }
    }

    private WarmLatency() {
    }

    static Result measure(LocalCloud cloud) throws Exception {
        LocalFunction articles = cloud.function("ArticlesFunction");
        Object event = articles.fromJson(Files.readString(cloud.root().resolve("events/articles/get-article.json")));
        String slug = "harga-beras-medium-naik-di-pasar-induk";
        DynamoDbClient dynamo = cloud.dynamo();
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key = Map.of("pk", Attr.s("ARTICLE#" + slug));
        Runnable handler = () -> articles.invoke(event);
        Runnable bare = () -> dynamo.getItem(b -> b.tableName(Seeder.CONTENT_TABLE).key(key));
        Timed timed = alternate(handler, bare, 2_000, INVOCATIONS);
        return new Result(timed.first(), timed.second());
    }

    /** Two actions' latencies: each warmed up, then timed alternately in blocks, so drift hits both alike. */
    record Timed(Stats first, Stats second) {
    }

    static Timed alternate(Runnable first, Runnable second, int warmUp, int invocations) {
        for (int i = 0; i < warmUp; i++) {
            first.run();
            second.run();
        }
        List<Double> firstSamples = new ArrayList<>();
        List<Double> secondSamples = new ArrayList<>();
        for (int done = 0; done < invocations; done += BLOCK) {
            time(first, BLOCK, firstSamples);
            time(second, BLOCK, secondSamples);
        }
        return new Timed(Stats.of(firstSamples), Stats.of(secondSamples));
    }

    private static void time(Runnable action, int times, List<Double> samples) {
        for (int i = 0; i < times; i++) {
            long started = System.nanoTime();
            action.run();
            samples.add((System.nanoTime() - started) / 1_000_000.0);
        }
    }
}
