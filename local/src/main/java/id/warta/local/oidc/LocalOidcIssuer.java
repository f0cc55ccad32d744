package id.warta.local.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.warta.json.Json;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * A small OpenID provider for this machine only (bin/dev and the integration tests; never
 * deployed): its own RSA key pair, made at start, its discovery document and JWKS on a loopback
 * port, and ID tokens minted for any address, so that sign-in locally goes through the same
 * verification as with Google. Locally the stack's Google parameters point at it
 * ({@link #googleParameters()}).
 */
public final class LocalOidcIssuer implements AutoCloseable {
    public static final String CLIENT_ID = "warta-local";
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private final HttpServer server;
    private final String issuer;
    private volatile RSAKey signingKey = newKey();

    private LocalOidcIssuer(HttpServer server) {
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, 200, "application/json",
                Json.mapper().writeValueAsString(Map.of("issuer", issuer, "jwks_uri", jwksUrl().toString(),
                        "id_token_signing_alg_values_supported", new String[]{"RS256"}))));
        server.createContext("/jwks", exchange -> respond(exchange, 200, "application/json",
                new JWKSet(signingKey.toPublicJWK()).toString()));
        server.createContext("/mint", this::mint);
        server.createContext("/authorize", this::authorize);
    }

    /** @param port 0 for any free port */
    public static LocalOidcIssuer start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        LocalOidcIssuer issuer = new LocalOidcIssuer(server);
        server.start();
        return issuer;
    }

    public String issuer() {
        return issuer;
    }

    public URI jwksUrl() {
        return URI.create(issuer + "/jwks");
    }

    /**
     * Template parameter values that make POST /auth/oidc/google accept this issuer's tokens (and only
     * them), and the site's "Masuk melalui Google" send the reader to its sign-in page.
     */
    public Map<String, String> googleParameters() {
        return Map.of("GoogleIssuers", issuer, "GoogleJwksUrl", jwksUrl().toString(), "GoogleClientIds", CLIENT_ID,
                "GoogleAuthorizationUrl", issuer + "/authorize");
    }

    /** The claims of a valid ID token for the address, as Google would issue it now. */
    public JWTClaimsSet.Builder claims(String email, String nonce) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(CLIENT_ID)
                .subject(subjectFor(email))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .claim("email", email)
                .claim("email_verified", true)
                .claim("nonce", nonce);
    }

    /** The same person at this provider for the same address, like a provider's stable subject id. */
    public static String subjectFor(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return "local-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs with the current key (RS256, its key id in the header). */
    public String mint(JWTClaimsSet claims) {
        return mintWith(signingKey, claims);
    }

    /** Signs with any key, e.g. one this issuer never published, for tests of bad signatures. */
    public static String mintWith(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    /** Replaces the key pair, as providers rotate keys: the JWKS then holds only the new public key. */
    public void rotateKey() {
        signingKey = newKey();
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET /mint?email=&nonce=[&name=][&verified=false]: an ID token, as text, for a developer's sign-in by hand. */
    private void mint(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String email = query.get("email");
        String nonce = query.get("nonce");
        if (email == null || email.isBlank() || nonce == null || nonce.isBlank()) {
            respond(exchange, 400, "text/plain", "usage: GET /mint?email=reader@example.id&nonce=any-value[&name=Nama][&verified=false]\n");
            return;
        }
        JWTClaimsSet.Builder claims = claims(email, nonce)
                .claim("email_verified", !"false".equals(query.get("verified")));
        if (query.containsKey("name")) {
            claims.claim("name", query.get("name"));
        }
        respond(exchange, 200, "text/plain", mint(claims.build()));
    }

    /**
     * The browser's side of Google's sign-in (OAuth 2.0 with response_type=id_token): GET shows a page
     * that asks for the address to sign in as; its form comes back with {@code email}, and the answer
     * sends the browser to {@code redirect_uri} with the ID token (carrying the request's nonce) and the
     * state in the fragment, as Google does. Any loopback redirect_uri: this issuer is for this machine only.
     */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String redirect = query.getOrDefault("redirect_uri", "");
        String nonce = query.get("nonce");
        boolean loopback = redirect.startsWith("http://127.0.0.1:") || redirect.startsWith("http://localhost:");
        if (!CLIENT_ID.equals(query.get("client_id")) || !"id_token".equals(query.get("response_type")) || !loopback
                || nonce == null || nonce.isBlank()) {
            respond(exchange, 400, "text/plain", "usage: GET /authorize?client_id=" + CLIENT_ID
                    + "&response_type=id_token&redirect_uri=http://127.0.0.1:<port>/...&nonce=...&state=...\n");
            return;
        }
        String email = query.get("email");
        if (email == null || email.isBlank()) {
            respond(exchange, 200, "text/html", signInPage(query));
            return;
        }
        JWTClaimsSet.Builder claims = claims(email.trim(), nonce);
        if (query.containsKey("name") && !query.get("name").isBlank()) {
            claims.claim("name", query.get("name"));
        }
        String idToken = mint(claims.build());
        String fragment = "id_token=" + URLEncoder.encode(idToken, StandardCharsets.UTF_8)
                + "&state=" + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Location", redirect + "#" + fragment);
            exchange.sendResponseHeaders(302, -1);
        }
    }

    /** The issuer's own sign-in page: the request's parameters carried through, an address to sign in as. */
    private static String signInPage(Map<String, String> query) {
        StringBuilder hidden = new StringBuilder();
        for (String name : new String[]{"client_id", "response_type", "redirect_uri", "nonce", "state"}) {
            hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                    .append(escapeHtml(query.getOrDefault(name, ""))).append("\">");
        }
        return """
                <!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Penerbit OIDC lokal</title>
                <link rel="icon" href="data:,"></head><body><main><h1>Penerbit OIDC lokal (pengganti Google)</h1>
                <form method="get" action="/authorize">%s
                <p><label for="email">Email</label> <input id="email" name="email" type="email" required></p>
                <p><label for="name">Nama</label> <input id="name" name="name" type="text"></p>
                <p><button type="submit">Lanjutkan</button></p></form></main></body></html>
                """.formatted(hidden);
    }

    private static String escapeHtml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
