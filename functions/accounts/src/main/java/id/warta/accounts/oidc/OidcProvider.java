package id.warta.accounts.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.json.Json;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One sign-in provider as the stack configures it: the issuer values its ID tokens carry, where its
 * signing keys are published (one key set address or more), the client ids (audiences) we accept, and the signature algorithms it
 * actually uses. {@code emailVerifiedByDefault} is for providers whose tokens carry no
 * {@code email_verified} claim (Facebook Limited Login): false unless the operator trusts them.
 */
public record OidcProvider(String name, Set<String> issuers, List<URI> jwksUrls, Set<String> clientIds,
                           Set<String> algorithms, boolean emailVerifiedByDefault) {
    /** Asymmetric algorithms only: never "none", never an HMAC that a public key could be misused as the secret of. */
    public static final Set<String> ASYMMETRIC = Set.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public OidcProvider {
        issuers = Set.copyOf(issuers);
        clientIds = Set.copyOf(clientIds);
        algorithms = Set.copyOf(algorithms);
        if (!NAME.matcher(name).matches() || issuers.isEmpty() || clientIds.isEmpty() || algorithms.isEmpty()) {
            throw new IllegalStateException("OIDC provider " + name + " needs a lower-case name, issuers, client ids and algorithms");
        }
        if (!ASYMMETRIC.containsAll(algorithms)) {
            throw new IllegalStateException("OIDC provider " + name + " may only use asymmetric algorithms, not " + algorithms);
        }
        jwksUrls = List.copyOf(jwksUrls);
        if (jwksUrls.isEmpty()) {
            throw new IllegalStateException("OIDC provider " + name + " needs the address of its keys (JWKS)");
        }
        for (URI jwksUrl : jwksUrls) {
            boolean https = "https".equals(jwksUrl.getScheme());
            boolean loopback = "http".equals(jwksUrl.getScheme()) && LOOPBACK_HOSTS.contains(jwksUrl.getHost());
            if (!https && !loopback) {
                throw new IllegalStateException("The JWKS of OIDC provider " + name + " must be fetched over HTTPS: " + jwksUrl);
            }
        }
    }

    /**
     * Reads the OIDC_PROVIDERS configuration: a JSON object of providers by name, each with
     * comma-separated {@code issuers}, {@code clientIds}, {@code algorithms} and {@code jwksUrl} (the
     * key set addresses), and
     * {@code emailVerifiedByDefault}. A provider with no client id is switched off, so it is unknown.
     */
    public static Map<String, OidcProvider> parseAll(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("OIDC_PROVIDERS is not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("OIDC_PROVIDERS must be a JSON object of providers by name");
        }
        Map<String, OidcProvider> providers = new LinkedHashMap<>();
        root.properties().forEach(entry -> {
            JsonNode spec = entry.getValue();
            Set<String> clientIds = list(spec.path("clientIds").asText());
            if (!clientIds.isEmpty()) {
                providers.put(entry.getKey(), new OidcProvider(entry.getKey(), list(spec.path("issuers").asText()),
                        addresses(spec.path("jwksUrl").asText()), clientIds,
                        list(spec.path("algorithms").asText()),
                        spec.path("emailVerifiedByDefault").asBoolean(false)));
            }
        });
        return Map.copyOf(providers);
    }

    /** In the order configured: where two key sets name one key id, the first is believed. */
    private static List<URI> addresses(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct()
                .map(URI::create).toList();
    }

    private static Set<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
