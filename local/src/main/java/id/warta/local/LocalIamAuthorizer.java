package id.warta.local;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4Properties;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4RequestSigner;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.BinaryUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API Gateway's AWS_IAM authorizer, locally: a request passes only with a valid AWS Signature
 * Version 4 for service execute-api, made with the one local admin identity. Nothing is computed by
 * hand: the request is rebuilt from what arrived (method, path, query, the headers it names in
 * SignedHeaders, the SHA-256 of its body) and signed again by the AWS SDK's V4 request signer with the
 * known secret at the request's X-Amz-Date; the two signatures are compared in constant time.
 * <p>
 * That signer is the step inside the SDK's public AwsV4HttpSigner that canonicalises and signs. The
 * public signer cannot be used here: it always adds and signs x-amz-content-sha256, so it could only
 * reproduce signatures of clients that sign that header too (the AWS SDKs), never those of clients
 * that do not (curl --aws-sigv4, botocore), which API Gateway accepts.
 */
final class LocalIamAuthorizer {
    static final String SERVICE = "execute-api";
    /** How far X-Amz-Date may be from the server's clock, either way, as API Gateway allows. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/\\s,]+)/(\\d{8})/([^/\\s,]+)/([^/\\s,]+)/aws4_request,\\s*"
                    + "SignedHeaders=([a-z0-9!#$%&'*+.^_`|~-]+(?:;[a-z0-9!#$%&'*+.^_`|~-]+)*),\\s*Signature=([0-9a-f]{64})");

    /** A request as it arrived: raw path and query, header names lower case with every value. */
    record Arrived(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    }

    /** The identity a request was signed with, as API Gateway reports it to the function. */
    record Caller(String accessKeyId) {
    }

    /** Why a request is refused; the message is API Gateway's wording. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final AwsCredentialsIdentity credentials;
    private final String region;
    private final Clock clock;

    LocalIamAuthorizer(AwsCredentialsIdentity credentials, String region, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    Caller authorize(Arrived request) throws Refused {
        String authorization = single(request, "authorization")
                .orElseThrow(() -> new Refused("Missing Authentication Token"));
        Matcher header = AUTHORIZATION.matcher(authorization);
        if (!header.matches()) {
            throw new Refused("Authorization header is not an AWS Signature Version 4 (AWS4-HMAC-SHA256) header.");
        }
        String accessKeyId = header.group(1);
        if (!accessKeyId.equals(credentials.accessKeyId())) {
            throw new Refused("The security token included in the request is invalid.");
        }
        Instant signedAt = signedAt(request);
        if (!header.group(2).equals(AMZ_DATE.format(signedAt).substring(0, 8))
                || !header.group(3).equals(region) || !header.group(4).equals(SERVICE)) {
            throw new Refused("Credential should be scoped to a valid date, region " + region
                    + " and service " + SERVICE + ".");
        }
        Duration skew = Duration.between(signedAt, clock.instant()).abs();
        if (skew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new Refused("Signature expired: " + AMZ_DATE.format(signedAt)
                    + " is more than 5 minutes away from " + AMZ_DATE.format(clock.instant()) + ".");
        }
        List<String> signedHeaders = Arrays.asList(header.group(5).split(";"));
        if (!signedHeaders.contains("host")) {
            throw new Refused("The Host header must be signed.");
        }
        byte[] expected = signatureOf(request, signedHeaders, signedAt).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, header.group(6).getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("The request signature we calculated does not match the signature you provided.");
        }
        return new Caller(accessKeyId);
    }

    private static Instant signedAt(Arrived request) throws Refused {
        String date = single(request, "x-amz-date").orElseThrow(() -> new Refused("Missing X-Amz-Date header."));
        try {
            return Instant.from(AMZ_DATE.parse(date));
        } catch (DateTimeParseException e) {
            throw new Refused("X-Amz-Date must be in the format yyyyMMdd'T'HHmmss'Z'.");
        }
    }

    private String signatureOf(Arrived request, List<String> signedHeaders, Instant signedAt) throws Refused {
        SdkHttpRequest.Builder rebuilt;
        try {
            rebuilt = SdkHttpRequest.builder()
                    .method(SdkHttpMethod.fromValue(request.method()))
                    .uri(URI.create("http://127.0.0.1" + request.rawPath()));
            HttpApiEvents.query(request.rawQuery()).forEach(rebuilt::putRawQueryParameter);
        } catch (IllegalArgumentException e) {
            throw new Refused("The request cannot be signed: " + e.getMessage());
        }
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                throw new Refused("Signed header " + name + " is missing from the request.");
            }
            rebuilt.putHeader(name, values);
        }
        V4Properties properties = V4Properties.builder()
                .credentials(credentials)
                .credentialScope(new CredentialScope(region, SERVICE, signedAt))
                .signingClock(Clock.fixed(signedAt, ZoneOffset.UTC))
                .doubleUrlEncode(true)
                .normalizePath(true)
                .build();
        String payloadHash = BinaryUtils.toHex(SignerUtils.hash(request.body()));
        return V4RequestSigner.create(properties, payloadHash).sign(rebuilt).getSignature();
    }

    private static Optional<String> single(Arrived request, String name) {
        List<String> values = request.headers().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
