package id.warta.accounts.oidc;

import java.io.IOException;
import java.net.URI;

/** Downloads a provider's published JWK set document (production: over HTTPS; tests: from memory). */
@FunctionalInterface
public interface JwksFetcher {
    String fetch(URI jwksUrl) throws IOException;
}
