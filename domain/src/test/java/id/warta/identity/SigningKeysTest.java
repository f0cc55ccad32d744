package id.warta.identity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {
    static SigningKey key(String id) {
        return new SigningKey(id, (id + "-material-that-is-long-enough-for-hs256").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theMarkedKeySignsAndEveryListedKeyVerifies() {
        SigningKeys keys = new SigningKeys("k2", List.of(key("k1"), key("k2")));

        assertThat(keys.signer()).isEqualTo(key("k2"));
        assertThat(keys.verifier("k1")).contains(key("k1"));
        assertThat(keys.verifier("k2")).contains(key("k2"));
        assertThat(keys.verifier("k3")).isEmpty();
        assertThat(keys.verifier(null)).isEmpty();
    }

    @Test
    void refusesASignerThatIsNotListedAndAKeyListedTwice() {
        assertThatThrownBy(() -> new SigningKeys("k2", List.of(key("k1")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SigningKeys("k1", List.of(key("k1"), key("k1")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesShortKeysAndIdsThatCannotBeAHeaderValue() {
        assertThatThrownBy(() -> new SigningKey("k1", new byte[SigningKey.MIN_BYTES - 1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SigningKey("k 1", new byte[SigningKey.MIN_BYTES])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SigningKey("", new byte[SigningKey.MIN_BYTES])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverShowsKeyMaterialInItsText() {
        SigningKey key = key("k1");

        assertThat(key.toString()).isEqualTo("SigningKey[k1]");
        assertThat(new SigningKeys("k1", List.of(key)).toString()).doesNotContain("material");
    }
}
