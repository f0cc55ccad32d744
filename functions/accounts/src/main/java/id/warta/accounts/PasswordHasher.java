package id.warta.accounts;

import id.warta.membership.PasswordHashing;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id (RFC 9106, computed by Password4j: pure Java, 90 KB, where Bouncy Castle would add 7 MB
 * to the function), stored as the standard PHC string
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, so that the cost can be raised
 * later without invalidating stored hashes: verification uses the parameters stored with the hash.
 */
public class PasswordHasher implements PasswordHashing {
    /**
     * 19 MiB (OWASP's Argon2id memory baseline) and four passes: measured at about 45 ms with C2 and
     * 95 ms with the functions' C1-only JIT on a development core, within the 50-150 ms aimed for.
     */
    public static final Cost PRODUCTION = new Cost(19 * 1024, 4, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Cost cost;
    private final SecureRandom random;
    private final String unknownAccountHash;

    /** @param cost {@link #PRODUCTION} in the function; tests pass a cheaper one to stay fast. */
    public PasswordHasher(Cost cost, SecureRandom random) {
        this.cost = cost;
        this.random = random;
        // Same cost as a real hash, so verifying a login for an unknown address takes as long as a
        // wrong password; no password can match all-zero bytes by chance that matters.
        this.unknownAccountHash = encode(cost, new byte[SALT_BYTES], new byte[HASH_BYTES]);
    }

    public record Cost(int memoryKib, int iterations, int parallelism) {
    }

    @Override
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return encode(cost, salt, derive(password, salt, cost, HASH_BYTES));
    }

    /**
     * Constant-time comparison. A missing (an account made by social sign-in) or malformed stored
     * hash never matches, and takes as long as a wrong password, so it tells nothing.
     */
    @Override
    public boolean verify(String password, String storedHash) {
        Parsed parsed = Parsed.of(storedHash);
        if (parsed == null) {
            verifyAgainstNothing(password);
            return false;
        }
        byte[] actual = derive(password, parsed.salt(), parsed.cost(), parsed.hash().length);
        return MessageDigest.isEqual(actual, parsed.hash());
    }

    /** Spends the time of one verification without any account, for logins to unknown addresses. */
    @Override
    public void verifyAgainstNothing(String password) {
        verify(password, unknownAccountHash);
    }

    /** The one place that spends Argon2 time; every hash and verification goes through it once. */
    protected byte[] derive(String password, byte[] salt, Cost cost, int length) {
        return Argon2Function.getInstance(cost.memoryKib(), cost.iterations(), cost.parallelism(), length, Argon2.ID, 0x13)
                .hash(password.getBytes(StandardCharsets.UTF_8), salt)
                .getBytes();
    }

    private static String encode(Cost cost, byte[] salt, byte[] hash) {
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    private record Parsed(Cost cost, byte[] salt, byte[] hash) {
        static Parsed of(String encoded) {
            if (encoded == null) {
                return null;
            }
            String[] parts = encoded.split("\\$");
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return null;
            }
            try {
                int memory = 0;
                int iterations = 0;
                int parallelism = 0;
                for (String parameter : parts[3].split(",")) {
                    int value = Integer.parseInt(parameter.substring(2));
                    switch (parameter.substring(0, 2)) {
                        case "m=" -> memory = value;
                        case "t=" -> iterations = value;
                        case "p=" -> parallelism = value;
                        default -> {
                            return null;
                        }
                    }
                }
                if (memory < 8 || iterations < 1 || parallelism < 1) {
                    return null;
                }
                return new Parsed(new Cost(memory, iterations, parallelism), B64_DECODER.decode(parts[4]),
                        B64_DECODER.decode(parts[5]));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                return null;
            }
        }
    }
}
