package id.warta.identity;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One access-token key: its id (the token's {@code kid} header names it) and its secret material.
 * Equal when both are: a container that re-reads the key set sees a key changed under the same id.
 */
public record SigningKey(String id, byte[] material) {
    /** HS256 wants at least as many key bytes as its output (RFC 7518, 3.2). */
    public static final int MIN_BYTES = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public SigningKey {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A key id is 1 to 64 letters, digits, '-' or '_'");
        }
        if (material == null || material.length < MIN_BYTES) {
            throw new IllegalArgumentException("Key " + id + " is shorter than " + MIN_BYTES + " bytes");
        }
        material = material.clone();
    }

    @Override
    public byte[] material() {
        return material.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey key && key.id.equals(id) && Arrays.equals(key.material, material);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(material);
    }

    /** Never the material: a key must not reach a log line through a record's default toString. */
    @Override
    public String toString() {
        return "SigningKey[" + id + "]";
    }
}
