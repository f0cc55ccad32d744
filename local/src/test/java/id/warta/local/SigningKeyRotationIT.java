package id.warta.local;

import com.auth0.jwt.JWT;
import com.fasterxml.jackson.core.type.TypeReference;
import id.warta.identity.AccessTokens;
import id.warta.json.Json;
import id.warta.secrets.AccessTokenKeys;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key rotation of the runbook (README, Operating Warta), step by step, on a stack of its own
 * (its own generated keys): the key set is edited with PutSecretValue through the SDK, as the
 * runbook does with the AWS CLI, and the functions read it through their own code path. Their
 * refresh interval is one second here (five minutes as deployed), so each wait is a second.
 */
class SigningKeyRotationIT {
    private static final long REFRESH_SECONDS = 1;

    @Test
    void aRotationKeepsEarlierTokensValidUntilTheOldKeyIsRetired() throws Exception {
        try (SecondStack second = TestStack.withEnvironment(Map.of(AccessTokenKeys.REFRESH_SECONDS, String.valueOf(REFRESH_SECONDS)));
             SecretsManagerClient secrets = client(second.stack().cloud())) {
            TestStack stack = second.stack();
            String keysArn = stack.cloud().environmentOf(stack.cloud().template().functions().stream()
                    .filter(f -> f.logicalId().equals("AccountsFunction")).findFirst().orElseThrow()).get(AccessTokenKeys.SECRET_ARN);
            AccessTokens tokens = stack.cloud().accessTokens();
            String reader = new PaywallReaders(stack).activated().id();
            Map<String, String> keys = read(secrets, keysArn);
            assertThat(keys).containsOnlyKeys("signing", "k1").containsEntry("signing", "k1");

            String beforeRotation = tokens.issue(reader, 1);
            assertThat(JWT.decode(beforeRotation).getKeyId()).isEqualTo("k1");
            assertAccepted(stack, beforeRotation);

            keys.put("k2", newKeyMaterial());
            put(secrets, keysArn, keys);
            waitForRefresh();
            assertThat(JWT.decode(tokens.issue(reader, 1)).getKeyId()).as("an added key only verifies").isEqualTo("k1");

            keys.put("signing", "k2");
            put(secrets, keysArn, keys);
            waitForRefresh();
            String afterRotation = tokens.issue(reader, 1);
            assertThat(JWT.decode(afterRotation).getKeyId()).isEqualTo("k2");
            assertAccepted(stack, afterRotation);
            assertAccepted(stack, beforeRotation);

            keys.remove("k1");
            put(secrets, keysArn, keys);
            waitForRefresh();
            assertRefused(stack, beforeRotation);
            assertAccepted(stack, afterRotation);
            String afterRetirement = tokens.issue(reader, 1);
            assertThat(JWT.decode(afterRetirement).getKeyId()).isEqualTo("k2");
            assertAccepted(stack, afterRetirement);
        }
    }

    /** Both functions that verify tokens here: the accounts function (GET /me) and the articles function. */
    private static void assertAccepted(TestStack stack, String token) {
        assertThat(stack.get("/me", "Authorization", "Bearer " + token).status()).isEqualTo(200);
        assertThat(stack.get(article(stack), "Authorization", "Bearer " + token).status()).isEqualTo(200);
    }

    private static void assertRefused(TestStack stack, String token) {
        for (String path : new String[] {"/me", article(stack)}) {
            TestStack.Response response = stack.get(path, "Authorization", "Bearer " + token);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.errorCode()).as(path).isEqualTo("UNAUTHORIZED");
        }
    }

    private static String article(TestStack stack) {
        return "/articles/" + stack.seeded().articles().getFirst().slug();
    }

    /** The runbook's wait, at this stack's refresh interval: every container reads the edited set before using it. */
    private static void waitForRefresh() throws InterruptedException {
        Thread.sleep(REFRESH_SECONDS * 1000 + 100);
    }

    private static String newKeyMaterial() {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static SecretsManagerClient client(LocalCloud cloud) {
        return SecretsManagerClient.builder()
                .endpointOverride(cloud.secretsManager().endpoint())
                .region(Region.of(LocalCloud.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static Map<String, String> read(SecretsManagerClient secrets, String secretId) throws IOException {
        return Json.mapper().readValue(secrets.getSecretValue(b -> b.secretId(secretId)).secretString(),
                new TypeReference<LinkedHashMap<String, String>>() {
                });
    }

    private static void put(SecretsManagerClient secrets, String secretId, Map<String, String> keys) throws IOException {
        String keySet = Json.mapper().writeValueAsString(keys);
        secrets.putSecretValue(b -> b.secretId(secretId).secretString(keySet));
    }
}
