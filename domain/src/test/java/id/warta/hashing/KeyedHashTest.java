package id.warta.hashing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedHashTest {
    private static final String SERVER_KEY = "the-server-key-of-this-test-0123456789abcdef";
    private static final String ADDRESS = "203.0.113.7";

    @Test
    void theSameValueUnderTheSameKeyAndPurposeHashesAlike() {
        assertThat(new KeyedHash(SERVER_KEY, "purpose/v1").hex(ADDRESS))
                .isEqualTo(new KeyedHash(SERVER_KEY, "purpose/v1").hex(ADDRESS))
                .hasSize(64);
    }

    @Test
    void withoutTheServerKeyAHashCannotBeRecomputedFromAGuess() {
        String hash = new KeyedHash(SERVER_KEY, "purpose/v1").hex(ADDRESS);

        assertThat(hash).isNotEqualTo(Sha256.hex(ADDRESS))
                .isNotEqualTo(new KeyedHash(SERVER_KEY + "x", "purpose/v1").hex(ADDRESS));
    }

    @Test
    void twoPurposesNeverShareAKey() {
        assertThat(new KeyedHash(SERVER_KEY, "one/v1").hex(ADDRESS)).isNotEqualTo(new KeyedHash(SERVER_KEY, "two/v1").hex(ADDRESS));
    }

    @Test
    void aMacForManyValuesGivesWhatDigestGives() throws Exception {
        KeyedHash hash = new KeyedHash(SERVER_KEY, "purpose/v1");

        assertThat(hash.mac().doFinal(ADDRESS.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(hash.digest(ADDRESS));
    }
}
