package id.warta.accounts.oidc;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OIDC_PROVIDERS configuration, as template.yaml builds it from the stack parameters. */
class OidcProviderTest {

    private static String spec(String clientIds, String jwksUrl, String algorithms) {
        return """
                {"google": {"issuers": "https://accounts.google.com,accounts.google.com", "jwksUrl": "%s",
                 "clientIds": "%s", "algorithms": "%s", "emailVerifiedByDefault": false},
                 "facebook": {"issuers": "https://www.facebook.com", "jwksUrl": "https://limited.facebook.com/.well-known/oauth/openid/jwks/",
                 "clientIds": "", "algorithms": "RS256", "emailVerifiedByDefault": false}}
                """.formatted(jwksUrl, clientIds, algorithms);
    }

    @Test
    void providersWithClientIdsAreConfiguredAndTheOthersUnknown() {
        Map<String, OidcProvider> providers = OidcProvider.parseAll(
                spec("web.apps.googleusercontent.com, ios.apps.googleusercontent.com", "https://www.googleapis.com/oauth2/v3/certs", "RS256"));

        assertThat(providers).containsOnlyKeys("google");
        OidcProvider google = providers.get("google");
        assertThat(google.issuers()).containsExactlyInAnyOrder("https://accounts.google.com", "accounts.google.com");
        assertThat(google.clientIds()).containsExactlyInAnyOrder("web.apps.googleusercontent.com", "ios.apps.googleusercontent.com");
        assertThat(google.jwksUrls()).containsExactly(URI.create("https://www.googleapis.com/oauth2/v3/certs"));
        assertThat(google.algorithms()).containsExactly("RS256");
    }

    @Test
    void noConfigurationMeansNoProvider() {
        assertThat(OidcProvider.parseAll("{}")).isEmpty();
    }

    @Test
    void symmetricAlgorithmsAndNoneAreRejected() {
        for (String algorithm : new String[]{"HS256", "none", "RS256,HS512", "PS256"}) {
            assertThatThrownBy(() -> OidcProvider.parseAll(spec("web", "https://keys.example/jwks", algorithm)))
                    .as(algorithm).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void keysAreFetchedOverHttpsOrFromLoopbackOnly() {
        assertThatThrownBy(() -> OidcProvider.parseAll(spec("web", "http://keys.example/jwks", "RS256")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OidcProvider.parseAll(spec("web", "https://keys.example/jwks, http://keys.example/jwks", "RS256")))
                .as("every address of the keys").isInstanceOf(IllegalStateException.class);
        assertThat(new OidcProvider("local", Set.of("http://127.0.0.1:9999"), List.of(URI.create("http://127.0.0.1:9999/jwks")),
                Set.of("warta-local"), Set.of("RS256"), false).jwksUrls().getFirst().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void aProviderMayPublishItsKeysAtSeveralAddressesKeptInTheirOrder() {
        OidcProvider facebook = OidcProvider.parseAll(spec("123",
                "https://www.facebook.com/.well-known/oauth/openid/jwks/, https://limited.facebook.com/.well-known/oauth/openid/jwks/",
                "RS256")).get("google");

        assertThat(facebook.jwksUrls()).containsExactly(URI.create("https://www.facebook.com/.well-known/oauth/openid/jwks/"),
                URI.create("https://limited.facebook.com/.well-known/oauth/openid/jwks/"));
    }

    @Test
    void malformedConfigurationFailsAtStart() {
        assertThatThrownBy(() -> OidcProvider.parseAll("[]")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OidcProvider.parseAll("{not json")).isInstanceOf(IllegalStateException.class);
    }
}
