package id.warta.dynamo;

import id.warta.content.Edition;
import id.warta.testing.SampleContent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * List fingerprints depend on the content only: not on the order a map was built in, nor on the JVM
 * (Map.of iterates in a different order in every JVM), so a new container does not rewrite lists
 * that did not change.
 */
class FingerprintsTest {
    private static final Instant PUBLISHED = Instant.parse("2026-11-26T03:15:00Z");

    /** Two related-article lists as the builder stores them (the image is a Map.of). */
    private static List<AttributeValue> summaries() {
        return List.of(
                AttributeValue.fromM(DynamoContentRepository.summaryAttributes(SampleContent.article(
                        "harga-beras-naik", "ekonomi", Edition.KORAN, false, PUBLISHED, "beras", "pasar").summary())),
                AttributeValue.fromM(DynamoContentRepository.summaryAttributes(SampleContent.article(
                        "panen-raya", "nasional", Edition.MAJALAH, true, PUBLISHED, "padi").summary())));
    }

    /** The same values with every map rebuilt with its keys inserted in the given order. */
    private static List<AttributeValue> reordered(List<AttributeValue> values, Comparator<String> keyOrder) {
        return values.stream().map(value -> reordered(value, keyOrder)).toList();
    }

    private static AttributeValue reordered(AttributeValue value, Comparator<String> keyOrder) {
        if (value.hasL()) {
            return AttributeValue.fromL(reordered(value.l(), keyOrder));
        }
        if (!value.hasM()) {
            return value;
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        value.m().keySet().stream().sorted(keyOrder).forEach(key -> map.put(key, reordered(value.m().get(key), keyOrder)));
        return AttributeValue.fromM(map);
    }

    /** Run in a second JVM by the test below: prints the fingerprint of the lists, maps built in reverse key order. */
    public static void main(String[] args) {
        System.out.println(Fingerprints.of(reordered(summaries(), Comparator.reverseOrder())));
    }

    @Test
    void aFreshJvmComputesTheSameFingerprintFromMapsBuiltInAnotherOrder() throws Exception {
        long here = Fingerprints.of(summaries());
        assertThat(Fingerprints.of(reordered(summaries(), Comparator.naturalOrder()))).isEqualTo(here);

        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FingerprintsTest.class.getName())
                .redirectErrorStream(true).start();
        String printed = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(other.waitFor(60, TimeUnit.SECONDS)).as("the second JVM finished").isTrue();
        assertThat(other.exitValue()).as(printed).isZero();
        assertThat(printed).isEqualTo(Long.toString(here));
    }

    @Test
    void anyChangeOfContentOrderOrTypeChangesTheFingerprint() {
        List<AttributeValue> lists = summaries();
        long original = Fingerprints.of(lists);

        Map<String, AttributeValue> retitled = new LinkedHashMap<>(lists.getFirst().m());
        retitled.put("title", AttributeValue.fromS("Judul baru"));

        assertThat(Fingerprints.of(List.of(AttributeValue.fromM(retitled), lists.get(1)))).isNotEqualTo(original);
        assertThat(Fingerprints.of(lists.reversed())).isNotEqualTo(original);
        assertThat(Fingerprints.of(List.of(AttributeValue.fromS("1")))).isNotEqualTo(Fingerprints.of(List.of(AttributeValue.fromN("1"))));
        assertThat(Fingerprints.of(List.of(AttributeValue.fromS("ab"), AttributeValue.fromS("c"))))
                .isNotEqualTo(Fingerprints.of(List.of(AttributeValue.fromS("a"), AttributeValue.fromS("bc"))));
    }
}
