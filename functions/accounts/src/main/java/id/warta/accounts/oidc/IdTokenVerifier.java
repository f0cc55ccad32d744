package id.warta.accounts.oidc;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Verifies one provider's ID tokens with java-jwt (the JWT library the functions already carry):
 * the signature with the provider's published key named by the token's {@code kid}, and only with
 * one of the provider's own asymmetric algorithms (the verifier is bound to that algorithm and key,
 * so "none" or an HMAC keyed with the public key never passes); then {@code iss} (one of the
 * provider's issuers), {@code aud} (only our client ids), {@code exp} and {@code iat} (with
 * {@link #MAX_CLOCK_SKEW_SECONDS} of skew), and {@code nonce}, which must equal the request's nonce
 * exactly: the browser gives the provider the same value it then sends us.
 */
public final class IdTokenVerifier {
    public static final int MAX_CLOCK_SKEW_SECONDS = 60;
    private static final int MAX_SUBJECT_LENGTH = 255;

    private final OidcProvider provider;
    private final CachedJwks keys;
    private final Clock clock;

    public IdTokenVerifier(OidcProvider provider, CachedJwks keys, Clock clock) {
        this.provider = provider;
        this.keys = keys;
        this.clock = clock;
    }

    /** One verifier per configured provider, each with its own key cache, by provider name. */
    public static Map<String, IdTokenVerifier> forProviders(Collection<OidcProvider> providers, JwksFetcher fetcher,
                                                           Clock clock) {
        return providers.stream().collect(Collectors.toUnmodifiableMap(OidcProvider::name,
                p -> new IdTokenVerifier(p, new CachedJwks(p.jwksUrls(), fetcher, clock), clock)));
    }

    /**
     * @return empty when any check fails (the caller tells the client no more than "unauthorised")
     * @throws KeysUnavailableException when the provider's keys cannot be had: our trouble, not the client's
     */
    public Optional<ProviderIdentity> verify(String idToken, String nonce) throws KeysUnavailableException {
        try {
            DecodedJWT unverified = JWT.decode(idToken);
            if (!provider.algorithms().contains(unverified.getAlgorithm())) {
                return Optional.empty();
            }
            Optional<Algorithm> algorithm = keys.key(unverified.getKeyId())
                    .flatMap(key -> algorithm(unverified.getAlgorithm(), key));
            if (algorithm.isEmpty()) {
                return Optional.empty();
            }
            DecodedJWT token = verifier(algorithm.get()).verify(unverified);
            if (!provider.clientIds().containsAll(token.getAudience()) || !sameNonce(token.getClaim("nonce"), nonce)
                    || token.getSubject() == null || token.getSubject().length() > MAX_SUBJECT_LENGTH) {
                return Optional.empty();
            }
            return Optional.of(new ProviderIdentity(provider.name(), token.getSubject(), token.getClaim("email").asString(),
                    emailVerified(token.getClaim("email_verified")), token.getClaim("name").asString(),
                    token.getExpiresAtAsInstant().plusSeconds(MAX_CLOCK_SKEW_SECONDS)));
        } catch (JWTVerificationException e) {
            return Optional.empty();
        }
    }

    private JWTVerifier verifier(Algorithm algorithm) {
        return ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(provider.issuers().toArray(String[]::new))
                // Every audience must be ours (OIDC Core 3.1.3.7); this checks one is, the caller the rest.
                .withAnyOfAudience(provider.clientIds().toArray(String[]::new))
                .withClaimPresence("sub")
                .withClaimPresence("iat")
                .withClaimPresence("exp")
                .acceptLeeway(MAX_CLOCK_SKEW_SECONDS))
                .build(clock);
    }

    /** The verifying algorithm for the token's algorithm, if the key is of the matching type. */
    private static Optional<Algorithm> algorithm(String name, PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return switch (name) {
                case "RS256" -> Optional.of(Algorithm.RSA256(rsa, null));
                case "RS384" -> Optional.of(Algorithm.RSA384(rsa, null));
                case "RS512" -> Optional.of(Algorithm.RSA512(rsa, null));
                default -> Optional.empty();
            };
        }
        if (key instanceof ECPublicKey ec) {
            return switch (name) {
                case "ES256" -> Optional.of(Algorithm.ECDSA256(ec, null));
                case "ES384" -> Optional.of(Algorithm.ECDSA384(ec, null));
                case "ES512" -> Optional.of(Algorithm.ECDSA512(ec, null));
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** Google sends a boolean; Apple sends the string "true". Absent means the provider's default. */
    private boolean emailVerified(Claim claim) {
        if (claim.isMissing() || claim.isNull()) {
            return provider.emailVerifiedByDefault();
        }
        return Boolean.TRUE.equals(claim.asBoolean()) || "true".equals(claim.asString());
    }

    private static boolean sameNonce(Claim inToken, String inRequest) {
        String expected = inToken.asString();
        return expected != null && inRequest != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), inRequest.getBytes(StandardCharsets.UTF_8));
    }
}
