package id.warta.secrets;

import id.warta.config.Env;

/**
 * The server key that the session credential chain and the views' network pseudonyms derive their
 * own keys from: one generated secret string in Secrets Manager, read once per container. Unlike
 * the access-token keys it is not rotated: each session's chain of refresh credentials is computed
 * under it, so replacing it ends every session (README, Operating Warta).
 */
public record ServerKey(SecretsManagerSecrets secrets, String secretArn) {
    /** The secret's ARN (or name), from the template. */
    public static final String SECRET_ARN = "SERVER_KEY_SECRET_ARN";

    public static ServerKey from(Env env, SecretsManagerSecrets secrets) {
        return new ServerKey(secrets, env.required(SECRET_ARN));
    }

    public String read() {
        String key = secrets.read(secretArn);
        if (key == null || key.length() < 32) {
            throw new IllegalStateException("The server key " + secretArn + " is shorter than 32 characters");
        }
        return key;
    }
}
