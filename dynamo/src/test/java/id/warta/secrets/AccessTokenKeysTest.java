package id.warta.secrets;

import id.warta.identity.SigningKeys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenKeysTest {
    private static final String K1 = "first-key-material-that-is-long-enough-0123456789";
    private static final String K2 = "second-key-material-that-is-long-enough-987654321";

    @Test
    void readsTheSignerAndEveryListedKey() {
        SigningKeys keys = AccessTokenKeys.parse("{\"signing\":\"k2\",\"k1\":\"" + K1 + "\",\"k2\":\"" + K2 + "\"}");

        assertThat(keys.signer().id()).isEqualTo("k2");
        assertThat(keys.signer().material()).isEqualTo(K2.getBytes(StandardCharsets.UTF_8));
        assertThat(keys.verifier("k1").orElseThrow().material()).isEqualTo(K1.getBytes(StandardCharsets.UTF_8));
        assertThat(keys.verifier("signing")).isEmpty();
    }

    @Test
    void theTemplatesGeneratedSecretIsASetOfOneKey() {
        // GenerateSecretString: SecretStringTemplate {"signing":"k1"}, GenerateStringKey k1.
        SigningKeys keys = AccessTokenKeys.parse("{\"signing\":\"k1\",\"k1\":\"" + K1 + "\"}");

        assertThat(keys.signer().id()).isEqualTo("k1");
    }

    @Test
    void aSetWithoutSignerOrWhoseSignerIsNotListedIsAServerFaultThatQuotesNoKey() {
        for (String broken : new String[] {"{\"k1\":\"" + K1 + "\"}", "{\"signing\":\"k2\",\"k1\":\"" + K1 + "\"}",
                "{\"signing\":\"k1\",\"k1\":\"short\"}", "not json", "[\"k1\"]"}) {
            assertThatThrownBy(() -> AccessTokenKeys.parse(broken)).as(broken)
                    .isInstanceOf(IllegalStateException.class).hasNoCause()
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(K1));
        }
    }
}
