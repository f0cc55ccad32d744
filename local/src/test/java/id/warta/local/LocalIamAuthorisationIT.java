package id.warta.local;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes the template authorises with AWS_IAM answer only requests signed (SigV4, execute-api) with
 * the local admin credentials; anything else is 403 FORBIDDEN with the contract's error body and
 * never reaches the function. The routes are taken from the template, not listed here.
 */
class LocalIamAuthorisationIT {
    private static final String SUBSCRIBE = "{\"subscriber\":true,\"until\":null}";

    private final TestStack stack = TestStack.shared();
    private final PaywallReaders readers = new PaywallReaders(stack);

    private List<String> iamRoutePaths() {
        List<String> paths = stack.cloud().template().httpRoutes().stream()
                .filter(SamTemplate.HttpRoute::iamAuthorised)
                .map(r -> r.method() + " " + r.path().replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000"))
                .toList();
        assertThat(paths).isNotEmpty();
        return paths;
    }

    private static void assertForbidden(TestStack.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(response.json().path("error").path("message").asText()).isNotBlank();
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void everyIamRouteRefusesUnsignedWronglySignedAndStaleRequests() {
        AwsCredentialsIdentity admin = stack.cloud().adminCredentials();
        AdminSigner wrongSecret = new AdminSigner(AwsCredentialsIdentity.create(admin.accessKeyId(), "bukan-rahasianya"));
        AdminSigner unknownKey = new AdminSigner(AwsCredentialsIdentity.create("AKIA0000000000000000", admin.secretAccessKey()));
        AdminSigner stale = new AdminSigner(admin, Clock.fixed(Instant.now().minus(Duration.ofMinutes(6)), ZoneOffset.UTC));
        for (String route : iamRoutePaths()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            assertForbidden(stack.send(method, path, SUBSCRIBE));
            assertForbidden(stack.send(method, path, SUBSCRIBE, "Authorization", "AWS4-HMAC-SHA256 Credential="
                    + admin.accessKeyId() + "/20260301/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, "
                    + "Signature=" + "0".repeat(64), "X-Amz-Date", "20260301T080000Z"));
            assertForbidden(stack.sendSignedBy(wrongSecret, method, path, SUBSCRIBE));
            assertForbidden(stack.sendSignedBy(unknownKey, method, path, SUBSCRIBE));
            assertForbidden(stack.sendSignedBy(stale, method, path, SUBSCRIBE));
        }
    }

    @Test
    void aSignedRequestReachesTheFunctionButTheSameSignatureOverAnotherBodyDoesNot() {
        PaywallReaders.SignedIn reader = readers.activated();
        String path = "/admin/accounts/" + reader.id() + "/subscription";
        String[] signatureOfSubscribe = TestStack.headerArguments(new AdminSigner(stack.cloud().adminCredentials())
                .sign("PUT", stack.api().resolve(path), Map.of("Content-Type", "application/json"),
                        SUBSCRIBE.getBytes(StandardCharsets.UTF_8)));

        assertForbidden(stack.send("PUT", path, "{\"subscriber\":false,\"until\":null}", signatureOfSubscribe));
        assertThat(stack.get("/me", reader.headers()).json().path("subscriber").asBoolean()).isFalse();

        TestStack.Response signed = stack.send("PUT", path, SUBSCRIBE, signatureOfSubscribe);
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(stack.get("/me", reader.headers()).json().path("subscriber").asBoolean()).isTrue();
    }

    /** What the README tells an operator to run: curl's own SigV4 signing with the printed credentials. */
    @Test
    void curlSigningWithTheAdminCredentialsAsTheReadmeSaysIsAccepted() throws Exception {
        Assumptions.assumeTrue(curlSignsSigV4(), "curl with --aws-sigv4 (7.75+) is not installed: curl check skipped");
        PaywallReaders.SignedIn reader = readers.activated();
        AwsCredentialsIdentity admin = stack.cloud().adminCredentials();
        String url = stack.api().resolve("/admin/accounts/" + reader.id() + "/subscription").toString();

        Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--aws-sigv4", "aws:amz:" + LocalCloud.REGION + ":" + LocalIamAuthorizer.SERVICE,
                "--user", admin.accessKeyId() + ":" + admin.secretAccessKey(),
                "-X", "PUT", "-H", "Content-Type: application/json", "-d", SUBSCRIBE, url)
                .redirectErrorStream(true).start();
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("200");
        assertThat(stack.get("/me", reader.headers()).json().path("subscriber").asBoolean()).isTrue();

        Process wrong = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--aws-sigv4", "aws:amz:" + LocalCloud.REGION + ":" + LocalIamAuthorizer.SERVICE,
                "--user", admin.accessKeyId() + ":nope", "-X", "PUT", "-H", "Content-Type: application/json",
                "-d", SUBSCRIBE, url).redirectErrorStream(true).start();
        assertThat(wrong.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(wrong.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("403");
    }

    private static boolean curlSignsSigV4() {
        try {
            Process help = new ProcessBuilder("curl", "--help", "all").redirectErrorStream(true).start();
            String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return help.waitFor(10, TimeUnit.SECONDS) && text.contains("--aws-sigv4");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
