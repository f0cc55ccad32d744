package id.warta.config;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.time.Duration;

/**
 * Builds SDK clients once per container: the light url-connection HTTP client, explicit region and
 * credentials, and bounded timeouts and retries so that a request never outlives its function.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static SdkHttpClient httpClient() {
        return httpClient(Duration.ofSeconds(2));
    }

    /** @param readTimeout the longest wait for the next bytes of an answer */
    public static SdkHttpClient httpClient(Duration readTimeout) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(1))
                .socketTimeout(readTimeout)
                .build();
    }

    public static ClientOverrideConfiguration boundedCalls() {
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(Duration.ofSeconds(2))
                .apiCallTimeout(Duration.ofSeconds(5))
                .retryStrategy(RetryMode.STANDARD)
                .build();
    }

    public static DynamoDbClient dynamoDb(AwsSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(httpClient())
                .region(settings.region())
                .credentialsProvider(settings.credentials())
                .overrideConfiguration(boundedCalls());
        settings.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
