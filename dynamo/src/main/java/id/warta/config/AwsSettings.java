package id.warta.config;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Optional;

/**
 * Region, credentials and (locally) endpoints, all taken explicitly from the function's environment
 * so that no SDK default chain is walked at cold start.
 */
public record AwsSettings(Region region, AwsCredentialsProvider credentials, Optional<URI> dynamoDbEndpoint,
                          Optional<URI> sesEndpoint) {
    /**
     * Where DynamoDB and SES are, from the template parameters DynamoDbEndpoint and SesEndpoint: empty
     * (as deployed) means the real AWS endpoint of the region; the local emulators otherwise. Not the
     * SDK's own AWS_ENDPOINT_URL_*: the SDK would take an empty one for an endpoint.
     */
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    public static final String SES_ENDPOINT = "SES_ENDPOINT";

    public static AwsSettings from(Env env) {
        Region region = Region.of(env.required("AWS_REGION"));
        return new AwsSettings(region, credentials(env),
                Optional.ofNullable(env.optional(DYNAMODB_ENDPOINT, null)).map(URI::create),
                Optional.ofNullable(env.optional(SES_ENDPOINT, null)).map(URI::create));
    }

    private static AwsCredentialsProvider credentials(Env env) {
        String accessKey = env.optional("AWS_ACCESS_KEY_ID", null);
        if (accessKey != null) {
            String secret = env.required("AWS_SECRET_ACCESS_KEY");
            String session = env.optional("AWS_SESSION_TOKEN", null);
            return StaticCredentialsProvider.create(session == null
                    ? AwsBasicCredentials.create(accessKey, secret)
                    : AwsSessionCredentials.create(accessKey, secret, session));
        }
        // SnapStart functions get their credentials from the container endpoint instead of the environment.
        return ContainerCredentialsProvider.builder().build();
    }
}
