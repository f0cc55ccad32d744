package id.warta.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One reading of the key set: the listed keys by id, and which of them signs. A rotation is a
 * sequence of such sets (README, Operating Warta): add the new key, make it the signer, retire the old one.
 */
public final class SigningKeys implements SigningKeyRing {
    private final SigningKey signer;
    private final Map<String, SigningKey> byId;

    public SigningKeys(String signerId, List<SigningKey> keys) {
        Map<String, SigningKey> listed = new LinkedHashMap<>();
        for (SigningKey key : keys) {
            if (listed.put(key.id(), key) != null) {
                throw new IllegalArgumentException("Key " + key.id() + " is listed twice");
            }
        }
        if (!listed.containsKey(signerId)) {
            throw new IllegalArgumentException("The signing key " + signerId + " is not among the listed keys " + listed.keySet());
        }
        this.byId = Map.copyOf(listed);
        this.signer = listed.get(signerId);
    }

    /** A set of one key, which signs. */
    public static SigningKeys single(SigningKey key) {
        return new SigningKeys(key.id(), List.of(key));
    }

    @Override
    public SigningKey signer() {
        return signer;
    }

    @Override
    public Optional<SigningKey> verifier(String keyId) {
        return Optional.ofNullable(keyId).map(byId::get);
    }

    @Override
    public String toString() {
        return "SigningKeys[signer=" + signer.id() + ", keys=" + byId.keySet() + "]";
    }
}
