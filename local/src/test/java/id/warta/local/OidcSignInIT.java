package id.warta.local;

import id.warta.hashing.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import id.warta.membership.OneTimeTokens;
import id.warta.accounts.oidc.CachedJwks;
import id.warta.accounts.oidc.IdTokenVerifier;
import id.warta.json.Json;
import id.warta.local.oidc.LocalOidcIssuer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /auth/oidc/{provider} through the local API server, with ID tokens from the local OIDC test
 * issuer, which the stack's Google parameters point at: the function fetches the issuer's JWKS over
 * HTTP and verifies exactly as it would Google's tokens.
 */
class OidcSignInIT {
    private static final String PASSWORD = "kopi-tubruk-2026";

    private final TestStack stack = TestStack.shared();
    private final LocalOidcIssuer issuer = stack.oidcIssuer();
    private final AccountsMailbox mailbox = new AccountsMailbox(stack);
    private final String nonce = UUID.randomUUID().toString();

    private static String json(Map<String, ?> body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestStack.Response signIn(String idToken) {
        return stack.post("/auth/oidc/google", json(Map.of("idToken", idToken, "nonce", nonce)));
    }

    private JWTClaimsSet.Builder claims(String email) {
        return issuer.claims(email, nonce);
    }

    private String token(String email) {
        return issuer.mint(claims(email).build());
    }

    private void assertUnauthorized(String idToken) {
        TestStack.Response response = signIn(idToken);
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    private JsonNode me(TestStack.Response session) {
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        TestStack.Response me = stack.get("/me", "Authorization", "Bearer " + session.json().path("accessToken").asText());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        return me.json();
    }

    private String registeredAccount(String prefix, boolean activate) {
        String email = AccountsMailbox.uniqueAddress(prefix);
        assertThat(stack.post("/auth/register", json(Map.of("email", email, "password", PASSWORD, "name", "Sari Dewi"))).status())
                .isEqualTo(202);
        if (activate) {
            String token = AccountsMailbox.token(mailbox.awaitLatestEmail(email, 1));
            assertThat(stack.post("/auth/activate", json(Map.of("token", token))).status()).isEqualTo(200);
        }
        return email;
    }

    private String accountIdAfterPasswordLogin(String email) {
        return me(stack.post("/auth/login", json(Map.of("email", email, "password", PASSWORD)))).path("id").asText();
    }

    @Test
    void aVerifiedNewAddressCreatesAnActivatedAccountWithItsMeter() {
        String email = AccountsMailbox.uniqueAddress("oidc-new");

        TestStack.Response response = signIn(issuer.mint(claims(email).claim("name", "Budi Santoso").build()));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("created").asBoolean()).isTrue();
        assertThat(response.json().path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(response.json().path("expiresIn").asLong()).isEqualTo(900);
        JsonNode me = me(response);
        assertThat(me.path("email").asText()).isEqualTo(email);
        assertThat(me.path("name").asText()).isEqualTo("Budi Santoso");
        assertThat(me.path("activated").asBoolean()).isTrue();
        assertThat(me.path("meter").path("limit").asInt()).isEqualTo(2);
        assertThat(me.path("meter").path("remaining").asInt()).isEqualTo(2);

        TestStack.Response again = signIn(token(email));
        assertThat(again.json().path("created").asBoolean()).isFalse();
        assertThat(me(again).path("id").asText()).isEqualTo(me.path("id").asText());
    }

    @Test
    void anIdTokenSignsInOnceAndIsRememberedUntilItWouldNoLongerVerify() {
        JWTClaimsSet claims = claims(AccountsMailbox.uniqueAddress("oidc-replay")).build();
        String idToken = issuer.mint(claims);
        assertThat(signIn(idToken).status()).isEqualTo(200);

        assertUnauthorized(idToken);
        assertUnauthorized(idToken);
        Map<String, AttributeValue> used = stack.cloud().dynamo().getItem(b -> b.tableName(AccountsApiIT.ACCOUNTS_TABLE)
                .key(Map.of("pk", AttributeValue.fromS("IDTOKEN#" + Sha256.hex(idToken)),
                        "sk", AttributeValue.fromS("IDTOKEN")))).item();
        long acceptedUntil = claims.getExpirationTime().toInstant().getEpochSecond() + IdTokenVerifier.MAX_CLOCK_SKEW_SECONDS;
        assertThat(Long.parseLong(used.get("expiresAt").n())).as("forgotten (TTL) once it could no longer verify")
                .isGreaterThan(acceptedUntil).isLessThan(acceptedUntil + 5);
    }

    @Test
    void aVerifiedKnownAddressSignsInToTheSameAccount() {
        String email = registeredAccount("oidc-known", true);
        String accountId = accountIdAfterPasswordLogin(email);

        TestStack.Response response = signIn(token(email));

        assertThat(response.json().path("created").asBoolean()).isFalse();
        assertThat(me(response).path("id").asText()).isEqualTo(accountId);
        assertThat(accountIdAfterPasswordLogin(email)).as("the password still signs in").isEqualTo(accountId);
    }

    @Test
    void anUnverifiedAddressIsRefusedForAnExistingAccount() {
        String email = registeredAccount("oidc-unverified", true);

        assertUnauthorized(issuer.mint(claims(email).claim("email_verified", false).build()));

        Map<String, AttributeValue> link = stack.cloud().dynamo().getItem(b -> b.tableName(AccountsApiIT.ACCOUNTS_TABLE)
                .key(Map.of("pk", AttributeValue.fromS("IDENTITY#google#" + LocalOidcIssuer.subjectFor(email)),
                        "sk", AttributeValue.fromS("IDENTITY")))).item();
        assertThat(link).as("no identity linked").isNullOrEmpty();
    }

    @Test
    void tokensForAnotherAudienceOrFromAnotherIssuerAreRefused() {
        String email = AccountsMailbox.uniqueAddress("oidc-claims");

        assertUnauthorized(issuer.mint(claims(email).audience("someone-elses-app").build()));
        assertUnauthorized(issuer.mint(claims(email).issuer("https://accounts.google.com").build()));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(30));

        assertUnauthorized(issuer.mint(claims(AccountsMailbox.uniqueAddress("oidc-expired"))
                .issueTime(Date.from(longAgo)).expirationTime(Date.from(longAgo.plus(Duration.ofMinutes(10)))).build()));
    }

    @Test
    void aBadSignatureOrNoSignatureIsRefused() throws Exception {
        String email = AccountsMailbox.uniqueAddress("oidc-signature");
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(issuer.signingKey().getKeyID()).generate();

        assertUnauthorized(LocalOidcIssuer.mintWith(impostor, claims(email).build()));
        assertUnauthorized(new PlainJWT(claims(email).build()).serialize());
        assertUnauthorized("not-a-jwt");
    }

    @Test
    void aMissingOrWrongNonceIsRefused() {
        String email = AccountsMailbox.uniqueAddress("oidc-nonce");

        assertUnauthorized(issuer.mint(claims(email).claim("nonce", null).build()));
        assertUnauthorized(issuer.mint(issuer.claims(email, "another-nonce").build()));
        TestStack.Response noNonce = stack.post("/auth/oidc/google", json(Map.of("idToken", token(email))));
        assertThat(noNonce.status()).isEqualTo(400);
        assertThat(noNonce.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(noNonce.json().path("error").path("fields").has("nonce")).isTrue();
    }

    @Test
    void aTokenFromARotatedKeyIsAcceptedOnceTheNewKeysAreFetched() {
        String email = AccountsMailbox.uniqueAddress("oidc-rotation");
        assertThat(signIn(token(email)).status()).as("the current keys are cached").isEqualTo(200);
        String fromRetiredKey = token(email);

        issuer.rotateKey();
        // An unknown key id re-fetches the keys at most every 30 s; another test's made-up key id may have just used that.
        LocalClock clock = stack.cloud().clock();
        clock.advanceTo(clock.instant().plus(CachedJwks.MIN_REFETCH_INTERVAL));

        TestStack.Response withNewKey = signIn(token(email));
        assertThat(withNewKey.status()).as(withNewKey.body()).isEqualTo(200);
        assertUnauthorized(fromRetiredKey);
    }

    @Test
    void aDeveloperSignsInWithATokenFromTheIssuersMintEndpoint() throws Exception {
        String email = AccountsMailbox.uniqueAddress("oidc-dev");
        HttpResponse<String> minted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer.issuer()
                        + "/mint?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&nonce=" + nonce + "&name=Dewi"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(minted.statusCode()).isEqualTo(200);

        TestStack.Response response = signIn(minted.body());

        assertThat(response.json().path("created").asBoolean()).isTrue();
        assertThat(me(response).path("name").asText()).isEqualTo("Dewi");
    }

    @Test
    void anUnknownOrSwitchedOffProviderIsNotFound() {
        TestStack.Response unknown = stack.post("/auth/oidc/myspace", json(Map.of("idToken", token("x@example.id"), "nonce", nonce)));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");

        try (SecondStack appleOff = TestStack.withParameters(Map.of("AppleClientIds", ""))) {
            String appleToken = issuer.mint(issuer.claims(LocalOidcIssuer.APPLE_CLIENT_ID, "x@example.id", nonce).build());
            TestStack.Response switchedOff = appleOff.stack().post("/auth/oidc/apple",
                    json(Map.of("idToken", appleToken, "nonce", nonce)));
            assertThat(switchedOff.status()).isEqualTo(404);
            assertThat(switchedOff.errorCode()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void anAppleTokenThatSaysTrueAsAStringCreatesAnAccountNamedByTheNameSentBesideIt() {
        String email = AccountsMailbox.uniqueAddress("apel");
        String appleToken = issuer.mint(issuer.claims(LocalOidcIssuer.APPLE_CLIENT_ID, email, nonce)
                .claim("email_verified", "true").claim("is_private_email", "false").build());

        TestStack.Response response = stack.post("/auth/oidc/apple",
                json(Map.of("idToken", appleToken, "nonce", nonce, "name", "Siti Aminah")));

        assertThat(response.json().path("created").asBoolean()).as(response.body()).isTrue();
        JsonNode account = me(response);
        assertThat(account.path("name").asText()).isEqualTo("Siti Aminah");
        assertThat(account.path("email").asText()).isEqualTo(email);
    }

    @Test
    void eachProviderAcceptsOnlyTokensForItsOwnClientId() {
        String email = AccountsMailbox.uniqueAddress("klien");
        String googleToken = token(email);
        for (String provider : new String[]{"apple", "facebook"}) {
            TestStack.Response response = stack.post("/auth/oidc/" + provider, json(Map.of("idToken", googleToken, "nonce", nonce)));
            assertThat(response.status()).as(provider).isEqualTo(401);
        }
    }

    @Test
    void aFacebookTokenWithoutEmailVerifiedSignsInWhereTheStackTrustsFacebooksAddresses() throws Exception {
        String email = AccountsMailbox.uniqueAddress("fb");
        String facebook = issuer.mint(issuer.claims(LocalOidcIssuer.FACEBOOK_APP_ID, email, nonce)
                .claim("email_verified", null).claim("name", "Rudi Hartono").build());
        assertThat(SignedJWT.parse(facebook).getJWTClaimsSet().getClaims()).doesNotContainKey("email_verified");

        TestStack.Response response = stack.post("/auth/oidc/facebook", json(Map.of("idToken", facebook, "nonce", nonce)));

        assertThat(response.json().path("created").asBoolean()).as(response.body()).isTrue();
        assertThat(me(response).path("name").asText()).isEqualTo("Rudi Hartono");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsABadRequest() {
        TestStack.Response response = stack.post("/auth/oidc/google", "[\"idToken\"]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BAD_REQUEST");
    }
}
