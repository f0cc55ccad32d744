package id.warta.identity;

import java.util.Optional;

/**
 * The access-token keys as a container sees them now: one signs new tokens, every listed one
 * verifies (during a rotation, the old key's tokens stay valid beside the new key's).
 */
public interface SigningKeyRing {
    /** The key new tokens are signed with. */
    SigningKey signer();

    /** The key a token's {@code kid} names; empty when no listed key has that id. */
    Optional<SigningKey> verifier(String keyId);
}
