package id.warta.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
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

    /** A hash of the stored summaries, attribute by attribute in a fixed order. */
    static long of(List<AttributeValue> summaries) {
        MessageDigest digest = sha256();
        for (AttributeValue summary : summaries) {
            new TreeMap<>(summary.m()).forEach((name, value) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(value.toString().getBytes(StandardCharsets.UTF_8));
            });
            digest.update((byte) 0);
        }
        return ByteBuffer.wrap(digest.digest()).getLong();
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
        return ByteBuffer.wrap(sha256().digest(key.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
