package id.warta.secrets;

import id.warta.config.AwsClients;
import id.warta.config.AwsSettings;
import id.warta.config.Env;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

import java.net.URI;
import java.util.Optional;

/**
 * Reads secret strings from AWS Secrets Manager (locally: the harness's endpoint, through the same
 * client). The client is built on the first read, not at cold start: an anonymous reader's request
 * reads no secret. Which module ships it: only functions that declare the optional
 * {@code secretsmanager} dependency (and have the template's GetSecretValue permission).
 */
public final class SecretsManagerSecrets {
    /** Local runs only (the template parameter SecretsManagerEndpoint); empty is the region's endpoint. */
    public static final String ENDPOINT = "SECRETS_MANAGER_ENDPOINT";

    private final AwsSettings aws;
    private final Optional<URI> endpoint;
    private SecretsManagerClient client;

    public SecretsManagerSecrets(AwsSettings aws, Optional<URI> endpoint) {
        this.aws = aws;
        this.endpoint = endpoint;
    }

    public static SecretsManagerSecrets from(Env env, AwsSettings aws) {
        return new SecretsManagerSecrets(aws, Optional.ofNullable(env.optional(ENDPOINT, null)).map(URI::create));
    }

    /** The current version (AWSCURRENT) of the secret's string. */
    public String read(String secretId) {
        return client().getSecretValue(b -> b.secretId(secretId)).secretString();
    }

    private synchronized SecretsManagerClient client() {
        if (client == null) {
            SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                    .httpClient(AwsClients.httpClient())
                    .region(aws.region())
                    .credentialsProvider(aws.credentials())
                    .overrideConfiguration(AwsClients.boundedCalls());
            endpoint.ifPresent(builder::endpointOverride);
            client = builder.build();
        }
        return client;
    }
}
