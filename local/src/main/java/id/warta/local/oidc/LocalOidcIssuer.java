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
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * A small OpenID provider for this machine only (bin/dev and the integration tests; never
 * deployed): its own RSA key pair, made at start, its discovery document and JWKS on a loopback
 * port, and ID tokens minted for any address, so that sign-in locally goes through the same
 * verification as with Google, Apple and Facebook. Locally the stack's parameters for all three
 * point at it ({@link #signInParameters()}), each with a client id of its own, and its sign-in page
 * answers each client id as that provider answers the site ({@link Provider}).
 */
public final class LocalOidcIssuer implements AutoCloseable {
    /** Google's client id here (the API's provider "google"). */
    public static final String CLIENT_ID = "warta-local";
    public static final String APPLE_CLIENT_ID = "warta-local-apple";
    public static final String FACEBOOK_APP_ID = "warta-local-facebook";
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
     * How each provider answers the site, told apart by the client id asked for: Google and Facebook
     * put the ID token in the fragment (Facebook's token has no {@code email_verified}); Apple posts it
     * to the return address with the name beside it, never in the token, and says "true" as a string.
     */
    enum Provider {
        GOOGLE("Google", CLIENT_ID, "id_token"),
        APPLE("Apple", APPLE_CLIENT_ID, "code id_token"),
        FACEBOOK("Facebook", FACEBOOK_APP_ID, "id_token");

        final String label;
        final String clientId;
        final String responseType;

        Provider(String label, String clientId, String responseType) {
            this.label = label;
            this.clientId = clientId;
            this.responseType = responseType;
        }

        static Optional<Provider> forClient(String clientId) {
            return Arrays.stream(values()).filter(provider -> provider.clientId.equals(clientId)).findFirst();
        }
    }

    /**
     * Template parameter values that make POST /auth/oidc/{google,apple,facebook} accept this issuer's
     * tokens for each provider's own client id (and only them), and the site's "Masuk melalui" buttons
     * send the reader to its sign-in page.
     */
    public Map<String, String> signInParameters() {
        Map<String, String> parameters = new HashMap<>();
        for (String provider : new String[]{"Google", "Apple", "Facebook"}) {
            parameters.put(provider + "Issuers", issuer);
            parameters.put(provider + "JwksUrl", jwksUrl().toString());
            parameters.put(provider + "AuthorizationUrl", issuer + "/authorize");
        }
        parameters.put("GoogleClientIds", CLIENT_ID);
        parameters.put("AppleClientIds", APPLE_CLIENT_ID);
        parameters.put("FacebookAppIds", FACEBOOK_APP_ID);
        parameters.put("FacebookEmailsVerified", "true");
        return Map.copyOf(parameters);
    }

    /** The claims of a valid ID token for the address, as Google would issue it now. */
    public JWTClaimsSet.Builder claims(String email, String nonce) {
        return claims(CLIENT_ID, email, nonce);
    }

    /** The claims of a valid ID token for the address and a client id, with Google's email_verified. */
    public JWTClaimsSet.Builder claims(String clientId, String email, String nonce) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(clientId)
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
     * The browser's side of a provider's sign-in (OAuth 2.0 with an id_token response): GET shows a
     * page that asks for the address to sign in as; its form comes back with {@code email}, and the
     * answer goes to {@code redirect_uri} with the ID token (carrying the request's nonce) and the
     * state as the provider of the client id sends it ({@link Provider}). Any loopback redirect_uri:
     * this issuer is for this machine only.
     */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Optional<Provider> provider = Provider.forClient(query.get("client_id"));
        String redirect = query.getOrDefault("redirect_uri", "");
        String nonce = query.get("nonce");
        boolean loopback = redirect.startsWith("http://127.0.0.1:") || redirect.startsWith("http://localhost:");
        if (provider.isEmpty() || !provider.get().responseType.equals(query.get("response_type")) || !loopback
                || nonce == null || nonce.isBlank() || !formPostAsApple(provider.get(), query)) {
            respond(exchange, 400, "text/plain", "usage: GET /authorize?client_id=" + CLIENT_ID
                    + "&response_type=id_token&redirect_uri=http://127.0.0.1:<port>/...&nonce=...&state=...\n"
                    + "  (client_id=" + APPLE_CLIENT_ID + ": response_type=code id_token, response_mode=form_post; "
                    + "client_id=" + FACEBOOK_APP_ID + ": as Google)\n");
            return;
        }
        String state = query.getOrDefault("state", "");
        if (query.containsKey("batal")) {
            refuse(exchange, provider.get(), redirect, state);
            return;
        }
        String email = query.get("email");
        if (email == null || email.isBlank()) {
            respond(exchange, 200, "text/html", signInPage(provider.get(), query));
            return;
        }
        String name = query.getOrDefault("name", "").strip();
        JWTClaimsSet.Builder claims = claims(provider.get().clientId, email.strip(), nonce);
        switch (provider.get()) {
            case GOOGLE -> {
                if (!name.isEmpty()) {
                    claims.claim("name", name);
                }
            }
            case FACEBOOK -> {
                claims.claim("email_verified", null);
                if (!name.isEmpty()) {
                    claims.claim("name", name);
                }
            }
            case APPLE -> claims.claim("email_verified", "true").claim("is_private_email", "false");
        }
        String idToken = mint(claims.build());
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("state", state);
        if (provider.get() == Provider.APPLE) {
            answer.put("code", "local-" + UUID.randomUUID());
        }
        answer.put("id_token", idToken);
        if (provider.get() == Provider.APPLE && !name.isEmpty()) {
            answer.put("user", appleUser(name));
        }
        answerAs(exchange, provider.get(), redirect, answer);
    }

    /** The reader pressed "Batal": the refusal each provider sends, to the same return address. */
    private static void refuse(HttpExchange exchange, Provider provider, String redirect, String state) throws IOException {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", provider == Provider.APPLE ? "user_cancelled_authorize" : "access_denied");
        answer.put("state", state);
        answerAs(exchange, provider, redirect, answer);
    }

    /** Apple posts its answer to the return address (a page that submits itself); the others put it in the fragment. */
    private static void answerAs(HttpExchange exchange, Provider provider, String redirect, Map<String, String> answer)
            throws IOException {
        if (provider == Provider.APPLE) {
            respond(exchange, 200, "text/html", formPost(redirect, answer));
            return;
        }
        StringJoiner fragment = new StringJoiner("&");
        answer.forEach((field, value) -> fragment.add(field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        try (exchange) {
            exchange.getResponseHeaders().set("Location", redirect + "#" + fragment);
            exchange.sendResponseHeaders(302, -1);
        }
    }

    /** Apple answers a request for the email scope only by form_post, and refuses any other mode for it. */
    private static boolean formPostAsApple(Provider provider, Map<String, String> query) {
        return provider != Provider.APPLE || "form_post".equals(query.get("response_mode"));
    }

    /** Apple's {@code user} field, sent at a reader's first sign-in only (here whenever a name was given). */
    private static String appleUser(String name) throws IOException {
        int space = name.indexOf(' ');
        Map<String, String> parts = space < 0 ? Map.of("firstName", name)
                : Map.of("firstName", name.substring(0, space), "lastName", name.substring(space + 1).strip());
        return Json.mapper().writeValueAsString(Map.of("name", parts));
    }

    /** Apple's answer page: it posts the fields to the return address as soon as it loads. */
    private static String formPost(String redirect, Map<String, String> fields) {
        StringBuilder inputs = new StringBuilder();
        fields.forEach((field, value) -> inputs.append("<input type=\"hidden\" name=\"").append(field)
                .append("\" value=\"").append(escapeHtml(value)).append("\">"));
        return """
                <!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Penerbit OIDC lokal</title>
                <link rel="icon" href="data:,"></head><body><main><h1>Mengirim jawaban ke Warta</h1>
                <form method="post" action="%s">%s<button type="submit">Lanjutkan</button></form>
                <script>document.forms[0].submit();</script></main></body></html>
                """.formatted(escapeHtml(redirect), inputs);
    }

    /** The issuer's own sign-in page: the request's parameters carried through, an address to sign in as. */
    private static String signInPage(Provider provider, Map<String, String> query) {
        StringBuilder hidden = new StringBuilder();
        for (String name : new String[]{"client_id", "response_type", "response_mode", "scope", "redirect_uri", "nonce", "state"}) {
            if (query.containsKey(name)) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escapeHtml(query.get(name))).append("\">");
            }
        }
        return """
                <!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Penerbit OIDC lokal</title>
                <link rel="icon" href="data:,"></head><body><main><h1>Penerbit OIDC lokal (pengganti %s)</h1>
                <form method="get" action="/authorize">%s
                <p><label for="email">Email</label> <input id="email" name="email" type="email" required></p>
                <p><label for="name">Nama</label> <input id="name" name="name" type="text"></p>
                <p><button type="submit">Lanjutkan</button>
                <button type="submit" name="batal" value="1" formnovalidate>Batal</button></p></form></main></body></html>
                """.formatted(provider.label, hidden);
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
