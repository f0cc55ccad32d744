package id.warta.accounts;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(AccountsFixture.CHEAP, new SecureRandom());

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String hash = hasher.hash("kopi-tubruk-2026");

        assertThat(hasher.verify("kopi-tubruk-2026", hash)).isTrue();
        assertThat(hasher.verify("kopi-tubruk-2027", hash)).isFalse();
    }

    @Test
    void hashesAreSaltedStandardArgon2idStrings() {
        String first = hasher.hash("kopi-tubruk-2026");
        String second = hasher.hash("kopi-tubruk-2026");

        assertThat(first).isNotEqualTo(second).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verificationUsesTheCostStoredWithTheHash() {
        String hashedWithOtherCost = new PasswordHasher(new PasswordHasher.Cost(128, 2, 1), new SecureRandom()).hash("teh-manis");

        assertThat(hasher.verify("teh-manis", hashedWithOtherCost)).isTrue();
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "$2a$10$bcrypt-not-supported")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=zz,t=1,p=1$AAAA$AAAA")).isFalse();
    }

    @Test
    void hashesAreTheStandardArgon2idThatAnotherImplementationComputes() {
        String hash = hasher.hash("kopi-tubruk-2026");
        String[] parts = hash.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        Argon2BytesGenerator bouncyCastle = new Argon2BytesGenerator();
        bouncyCastle.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(AccountsFixture.CHEAP.memoryKib())
                .withIterations(AccountsFixture.CHEAP.iterations())
                .withParallelism(AccountsFixture.CHEAP.parallelism())
                .withSalt(salt)
                .build());
        byte[] expected = new byte[32];
        bouncyCastle.generateBytes("kopi-tubruk-2026".getBytes(StandardCharsets.UTF_8), expected);

        assertThat(Base64.getDecoder().decode(parts[5])).isEqualTo(expected);
    }

    @Test
    void productionCostIsTheOwaspMemoryBaselineOrMore() {
        assertThat(PasswordHasher.PRODUCTION.memoryKib()).isGreaterThanOrEqualTo(19 * 1024);
        assertThat(PasswordHasher.PRODUCTION.iterations()).isGreaterThanOrEqualTo(2);
    }
}
