package id.warta.membership;

/**
 * How passwords are kept: only as a slow, salted hash. The hashing itself (Argon2id) is the
 * accounts function's; the rules only need these three operations, each spending the same work.
 */
public interface PasswordHashing {

    /** A new salted hash of the password, in a form that carries its own parameters. */
    String hash(String password);

    /**
     * Constant-time comparison with a stored hash. A missing or malformed stored hash never matches,
     * and takes as long as a wrong password.
     */
    boolean verify(String password, String storedHash);

    /** Spends the time of one verification without any account, for sign-ins to unknown addresses. */
    void verifyAgainstNothing(String password);
}
