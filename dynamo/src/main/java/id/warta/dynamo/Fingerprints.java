package id.warta.dynamo;

import id.warta.hashing.Sha256;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each stored list looked like when it was last written: 64-bit hashes of its key and of its
 * content, and when. About 24 bytes a list, so thousands fit in one item.
 */
final class Fingerprints {
    private record Entry(long content, long writtenAt) {
    }

    private final Map<Long, Entry> byKey = new HashMap<>();

    /**
     * A hash of the stored summaries from a canonical encoding: every value tagged with its type and
     * length-prefixed, map keys sorted, set members sorted. It must not depend on anything but the
     * content: the same lists hash the same in every container, whatever order their maps were built
     * in ({@code Map.of} iterates in a different order in every JVM) and whatever the SDK's
     * {@code toString} looks like.
     */
    static long of(List<AttributeValue> summaries) {
        MessageDigest digest = Sha256.newDigest();
        try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
            out.writeInt(summaries.size());
            for (AttributeValue summary : summaries) {
                encode(summary, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ByteBuffer.wrap(digest.digest()).getLong();
    }

    private static void encode(AttributeValue value, DataOutputStream out) throws IOException {
        AttributeValue.Type type = value.type();
        text(type.name(), out);
        switch (type) {
            case S -> text(value.s(), out);
            case N -> text(value.n(), out);
            case B -> bytes(value.b().asByteArrayUnsafe(), out);
            case BOOL -> out.writeBoolean(value.bool());
            case NUL -> out.writeBoolean(value.nul());
            case SS -> sortedTexts(value.ss(), out);
            case NS -> sortedTexts(value.ns(), out);
            case BS -> {
                List<byte[]> members = value.bs().stream().map(SdkBytes::asByteArrayUnsafe)
                        .sorted(Arrays::compare).toList();
                out.writeInt(members.size());
                for (byte[] member : members) {
                    bytes(member, out);
                }
            }
            case L -> {
                out.writeInt(value.l().size());
                for (AttributeValue element : value.l()) {
                    encode(element, out);
                }
            }
            case M -> {
                Map<String, AttributeValue> sorted = new TreeMap<>(value.m());
                out.writeInt(sorted.size());
                for (Map.Entry<String, AttributeValue> entry : sorted.entrySet()) {
                    text(entry.getKey(), out);
                    encode(entry.getValue(), out);
                }
            }
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("An attribute of a type this SDK does not know");
        }
    }

    private static void sortedTexts(List<String> members, DataOutputStream out) throws IOException {
        List<String> sorted = members.stream().sorted().toList();
        out.writeInt(sorted.size());
        for (String member : sorted) {
            text(member, out);
        }
    }

    private static void text(String text, DataOutputStream out) throws IOException {
        bytes(text.getBytes(StandardCharsets.UTF_8), out);
    }

    private static void bytes(byte[] bytes, DataOutputStream out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    Optional<Instant> writtenAt(String key, long content) {
        Entry entry = byKey.get(hash(key));
        return entry == null || entry.content() != content ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(entry.writtenAt()));
    }

    void put(String key, long content, Instant writtenAt) {
        byKey.put(hash(key), new Entry(content, writtenAt.getEpochSecond()));
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(byKey.size());
            for (Map.Entry<Long, Entry> e : byKey.entrySet()) {
                out.writeLong(e.getKey());
                out.writeLong(e.getValue().content());
                out.writeLong(e.getValue().writtenAt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Fingerprints decode(byte[] encoded) {
        Fingerprints fingerprints = new Fingerprints();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                fingerprints.byKey.put(in.readLong(), new Entry(in.readLong(), in.readLong()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fingerprints;
    }

    private static long hash(String key) {
        return ByteBuffer.wrap(Sha256.newDigest().digest(key.getBytes(StandardCharsets.UTF_8))).getLong();
    }
}
