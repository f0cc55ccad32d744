package id.warta.accounts.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.json.Json;

import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's published signature keys (RFC 7517 JWK set) as JDK public keys, by key id. Only RSA
 * and EC public keys meant for signatures are kept: a symmetric ("oct") entry can never become an
 * HMAC secret, and an entry we cannot read is left out rather than failing the whole set.
 */
public final class JsonWebKeys {
    private static final Map<String, String> CURVES = Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final Map<String, PublicKey> byKeyId;

    private JsonWebKeys(Map<String, PublicKey> byKeyId) {
        this.byKeyId = Map.copyOf(byKeyId);
    }

    /** @throws IOException when the document is not a JWK set at all */
    public static JsonWebKeys parse(String json) throws IOException {
        JsonNode keys = Json.mapper().readTree(json).path("keys");
        if (!keys.isArray()) {
            throw new IOException("Not a JWK set: no \"keys\" array");
        }
        Map<String, PublicKey> byKeyId = new HashMap<>();
        for (JsonNode jwk : keys) {
            String keyId = jwk.path("kid").asText("");
            boolean forSignatures = !jwk.hasNonNull("use") || "sig".equals(jwk.path("use").asText());
            if (!keyId.isEmpty() && forSignatures) {
                publicKey(jwk).ifPresent(key -> byKeyId.put(keyId, key));
            }
        }
        return new JsonWebKeys(byKeyId);
    }

    /** Every key of the sets; a key id in more than one names the first set's key. */
    static JsonWebKeys union(List<JsonWebKeys> sets) {
        Map<String, PublicKey> byKeyId = new HashMap<>();
        sets.forEach(set -> set.byKeyId.forEach(byKeyId::putIfAbsent));
        return new JsonWebKeys(byKeyId);
    }

    public Optional<PublicKey> find(String keyId) {
        return Optional.ofNullable(keyId).map(byKeyId::get);
    }

    private static Optional<PublicKey> publicKey(JsonNode jwk) {
        try {
            return switch (jwk.path("kty").asText()) {
                case "RSA" -> Optional.of(KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e"))));
                case "EC" -> {
                    String curve = CURVES.get(jwk.path("crv").asText());
                    if (curve == null) {
                        yield Optional.empty();
                    }
                    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                    parameters.init(new ECGenParameterSpec(curve));
                    yield Optional.of(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                            new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y")), parameters.getParameterSpec(ECParameterSpec.class))));
                }
                default -> Optional.empty();
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static BigInteger unsigned(JsonNode jwk, String member) {
        String value = jwk.path(member).asText("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("JWK member " + member + " is missing");
        }
        return new BigInteger(1, BASE64URL.decode(value));
    }
}
