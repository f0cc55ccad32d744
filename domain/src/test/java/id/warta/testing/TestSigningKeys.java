package id.warta.testing;

import id.warta.identity.SigningKey;
import id.warta.identity.SigningKeys;

import java.nio.charset.StandardCharsets;

/** Key sets for tests that sign and verify access tokens without a secret store. */
public final class TestSigningKeys {
    private TestSigningKeys() {
    }

    /** A set of one key, {@code k1}, with this material. */
    public static SigningKeys single(String material) {
        return SigningKeys.single(key("k1", material));
    }

    public static SigningKey key(String id, String material) {
        return new SigningKey(id, material.getBytes(StandardCharsets.UTF_8));
    }
}
