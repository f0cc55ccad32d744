package id.warta.secrets;

import id.warta.config.Env;
import id.warta.config.FlatJson;
import id.warta.identity.RefreshingSigningKeys;
import id.warta.identity.SigningKey;
import id.warta.identity.SigningKeys;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The access-token key set, kept in one Secrets Manager secret as a flat JSON object: {@code signing}
 * names the key that signs, every other member is a key id and its material (at least 32 bytes), e.g.
 * {@code {"signing":"k2","k1":"...","k2":"..."}}. Flat, so that the template's generated secret
 * ({@code GenerateSecretString} writes one generated member into a template object) is already a
 * valid set of one key. A rotation edits it (README, Operating Warta).
 */
public record AccessTokenKeys(SecretsManagerSecrets secrets, String secretArn, Duration refreshInterval) {
    /** The secret's ARN (or name), from the template. */
    public static final String SECRET_ARN = "ACCESS_TOKEN_KEYS_SECRET_ARN";
    /** How long a container uses the set it read before reading it again (the template's parameter). */
    public static final String REFRESH_SECONDS = "ACCESS_TOKEN_KEYS_REFRESH_SECONDS";
    /** Early reads (a token naming a key the set lacks, a failed read) happen at most this often. */
    static final Duration EARLY_READ_FLOOR = Duration.ofSeconds(30);
    private static final String SIGNING = "signing";

    public static AccessTokenKeys from(Env env, SecretsManagerSecrets secrets) {
        return new AccessTokenKeys(secrets, env.required(SECRET_ARN), Duration.ofSeconds(env.requiredInt(REFRESH_SECONDS)));
    }

    /** The function's key ring: read from the secret on first use, then every refresh interval. */
    public RefreshingSigningKeys ring(Clock clock) {
        return new RefreshingSigningKeys(() -> parse(secrets.read(secretArn)), clock, refreshInterval,
                refreshInterval.compareTo(EARLY_READ_FLOOR) < 0 ? refreshInterval : EARLY_READ_FLOOR);
    }

    /**
     * @throws IllegalStateException when the text is not a key set: the secret is misconfigured, a
     *                               fault of the server (500), never a reason to refuse a token. The
     *                               message names key ids only, and no cause is kept that could quote
     *                               the secret.
     */
    public static SigningKeys parse(String secretString) {
        try {
            Map<String, String> fields = FlatJson.stringFields(secretString);
            String signer = fields.get(SIGNING);
            if (signer == null) {
                throw new IllegalArgumentException("it names no signing key (\"" + SIGNING + "\")");
            }
            List<SigningKey> keys = fields.entrySet().stream().filter(field -> !field.getKey().equals(SIGNING))
                    .map(field -> new SigningKey(field.getKey(), field.getValue().getBytes(StandardCharsets.UTF_8)))
                    .toList();
            return new SigningKeys(signer, keys);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException("The access-token key set is not valid: " + invalid.getMessage());
        }
    }
}
