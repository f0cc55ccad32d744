package id.warta.local;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a request for an IAM-authorised route the way an AWS SDK client does: Signature Version 4
 * for service execute-api, by the SDK's own signer. The one way every test calls those routes.
 */
final class AdminSigner {
    private final AwsCredentialsIdentity credentials;
    private final Clock clock;

    AdminSigner(AwsCredentialsIdentity credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    AdminSigner(AwsCredentialsIdentity credentials) {
        this(credentials, Clock.systemUTC());
    }

    /**
     * The headers to add so the request is signed (Authorization, X-Amz-Date); the Host header,
     * which is signed too, is the one an HTTP client sends for {@code uri}.
     *
     * @param headers the request's other headers, all of them signed
     */
    Map<String, String> sign(String method, URI uri, Map<String, String> headers, byte[] body) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(request::putHeader);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials)
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, LocalIamAuthorizer.SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, LocalCloud.REGION)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        Map<String, String> added = new LinkedHashMap<>();
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !headers.containsKey(name)) {
                added.put(name, String.join(",", values));
            }
        });
        return added;
    }
}
