package id.warta.accounts.oidc;

import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.net.URI;

/** Downloads a provider's published key set (production: over HTTPS; tests: from memory). */
@FunctionalInterface
public interface JwksFetcher {
    JWKSet fetch(URI jwksUrl) throws IOException;
}
