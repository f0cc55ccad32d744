package id.warta.bench.recommendations;

import id.warta.reader.ReaderKey;
import id.warta.activity.View;
import id.warta.content.ArticleSummary;
import id.warta.testing.InMemoryViewLog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plausible traffic: popularity falls with an article's age and varies a lot between articles;
 * each reader has a favourite section (70 % of their reads) and about five reads a day, in short
 * sessions; one view in ten is anonymous.
 */
final class SyntheticViews {
    private static final double FAVOURITE_SECTION_SHARE = 0.7;
    private static final double ANONYMOUS_SHARE = 0.1;
    private static final int VIEWS_PER_READER_PER_DAY = 5;
    private static final double NEXT_ARTICLE_PROBABILITY = 0.67;
    private static final int MAX_SESSION_LENGTH = 12;

    private final Random random;
    private final Sampler everything;
    private final Map<String, Sampler> bySection = new HashMap<>();
    private final String[] readerSections;
    private final ReaderKey[] readers;

    SyntheticViews(SyntheticContent content, int viewsPerDay, Instant now, Random random) {
        this.random = random;
        List<ArticleSummary> articles = content.articles();
        double[] weights = new double[articles.size()];
        for (int i = 0; i < weights.length; i++) {
            double ageHours = Duration.between(articles.get(i).publishedAt(), now).toMinutes() / 60.0;
            weights[i] = Math.pow(2, -ageHours / 36) / Math.pow(1 - random.nextDouble(), 0.8);
        }
        everything = Sampler.of(articles, weights);
        for (String section : SyntheticContent.SECTIONS) {
            List<ArticleSummary> inSection = new ArrayList<>();
            List<Double> sectionWeights = new ArrayList<>();
            for (int i = 0; i < weights.length; i++) {
                if (articles.get(i).section().equals(section)) {
                    inSection.add(articles.get(i));
                    sectionWeights.add(weights[i]);
                }
            }
            bySection.put(section, Sampler.of(inSection, sectionWeights.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        int readerCount = Math.max(1, viewsPerDay / VIEWS_PER_READER_PER_DAY);
        readers = new ReaderKey[readerCount];
        readerSections = new String[readerCount];
        for (int r = 0; r < readerCount; r++) {
            readers[r] = ReaderKey.browser("reader-" + r);
            readerSections[r] = SyntheticContent.SECTIONS[random.nextInt(SyntheticContent.SECTIONS.length)];
        }
    }

    int readerCount() {
        return readers.length;
    }

    /**
     * Adds {@code count} views in [from, to) as reading sessions: a reader opens one to a dozen
     * articles (two on average after the first), a minute or two apart.
     */
    void addHour(InMemoryViewLog log, Instant from, Instant to, int count) {
        List<View> views = new ArrayList<>(count);
        long span = Math.max(1, Duration.between(from, to).toMillis());
        while (views.size() < count) {
            int reader = random.nextInt(readers.length);
            ReaderKey key = random.nextDouble() < ANONYMOUS_SHARE ? ReaderKey.ANONYMOUS : readers[reader];
            int length = 1;
            while (length < MAX_SESSION_LENGTH && random.nextDouble() < NEXT_ARTICLE_PROBABILITY) {
                length++;
            }
            long at = (long) (random.nextDouble() * span);
            for (int i = 0; i < length && views.size() < count; i++) {
                Sampler sampler = random.nextDouble() < FAVOURITE_SECTION_SHARE
                        ? bySection.get(readerSections[reader]) : everything;
                views.add(new View(sampler.next(random), key, from.plusMillis(Math.min(span - 1, at))));
                at += 60_000 + random.nextInt(60_000);
            }
        }
        log.recordAll(from, views);
    }

    /** Draws articles in proportion to their weights. */
    private record Sampler(List<ArticleSummary> articles, double[] cumulative) {
        static Sampler of(List<ArticleSummary> articles, double[] weights) {
            return new Sampler(articles, cumulate(weights));
        }

        private static double[] cumulate(double[] weights) {
            double[] cumulative = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
            return cumulative;
        }

        String next(Random random) {
            double target = random.nextDouble() * cumulative[cumulative.length - 1];
            int index = Arrays.binarySearch(cumulative, target);
            return articles.get(Math.min(articles.size() - 1, index >= 0 ? index : -index - 1)).slug();
        }
    }
}
