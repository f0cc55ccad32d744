package id.warta.local;

import id.warta.config.AwsClients;
import id.warta.config.AwsSettings;
import id.warta.config.Env;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DynamoDB client, configured like the functions' own, whose first answer to one operation is
 * lost on the way back: the write reaches the emulator and is applied, and the SDK is told 500 and
 * retries it, as after a timeout or a reset connection in AWS. The retry then meets the item its own
 * first attempt wrote.
 */
final class LostResponses implements ExecutionInterceptor {
    private final String operation;
    private final AtomicInteger toLose = new AtomicInteger(1);
    private final AtomicInteger attempts = new AtomicInteger();

    private LostResponses(String operation) {
        this.operation = operation;
    }

    /** @param operation the DynamoDB operation whose first answer is lost, e.g. "PutItem" */
    static LostResponses of(String operation) {
        return new LostResponses(operation);
    }

    DynamoDbClient client(LocalCloud cloud) {
        AwsSettings settings = AwsSettings.from(new Env(cloud.environmentOf(cloud.template().functions().getFirst())));
        return DynamoDbClient.builder()
                .httpClient(AwsClients.httpClient())
                .region(settings.region())
                .credentialsProvider(settings.credentials())
                .endpointOverride(cloud.emulators().dynamoDbEndpoint())
                .overrideConfiguration(AwsClients.boundedCalls().toBuilder().addExecutionInterceptor(this).build())
                .build();
    }

    /** How many times the operation reached the emulator (the lost attempt and its retries). */
    int attempts() {
        return attempts.get();
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            return context.httpResponse();
        }
        attempts.incrementAndGet();
        return toLose.getAndDecrement() > 0 ? context.httpResponse().toBuilder().statusCode(500).build() : context.httpResponse();
    }
}
