package id.warta.accounts.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies one provider's ID tokens with Nimbus JOSE+JWT: the signature with a key of the
 * provider's JWKS and one of the provider's algorithms only, then {@code iss} (one of the provider's
 * issuers), {@code aud} (only our client ids), {@code exp} and {@code iat} (with
 * {@link #MAX_CLOCK_SKEW_SECONDS} of skew) and {@code nonce}, which must equal the nonce of the
 * request exactly (the browser gives the provider the same value it sends us).
 */
public final class IdTokenVerifier {
    public static final int MAX_CLOCK_SKEW_SECONDS = 60;
    private static final int MAX_SUBJECT_LENGTH = 255;

    private final OidcProvider provider;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public IdTokenVerifier(OidcProvider provider, JWKSource<SecurityContext> keys, Clock clock) {
        this.provider = provider;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(provider.algorithms(), keys));
        processor.setJWTClaimsSetVerifier(new ClaimsVerifier(provider, clock));
    }

    /** One verifier per configured provider, each with its own key cache, by provider name. */
    public static Map<String, IdTokenVerifier> forProviders(Collection<OidcProvider> providers, JwksFetcher fetcher,
                                                           Clock clock) {
        return providers.stream().collect(Collectors.toUnmodifiableMap(OidcProvider::name,
                p -> new IdTokenVerifier(p, new CachedJwks(p.jwksUrl(), fetcher, clock), clock)));
    }

    /**
     * @return empty when any check fails (the caller says no more than "unauthorised")
     * @throws KeySourceException when the provider's keys cannot be had: our trouble, not the client's
     */
    public Optional<ProviderIdentity> verify(String idToken, String nonce) throws KeySourceException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (KeySourceException e) {
            throw e;
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return Optional.empty();
        }
        if (!sameNonce(textClaim(claims, "nonce"), nonce) || claims.getSubject().length() > MAX_SUBJECT_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new ProviderIdentity(provider.name(), claims.getSubject(), textClaim(claims, "email"),
                emailVerified(claims), textClaim(claims, "name")));
    }

    /** Google sends a boolean; Apple sends the string "true". Absent means the provider's default. */
    private boolean emailVerified(JWTClaimsSet claims) {
        Object claim = claims.getClaim("email_verified");
        if (claim == null) {
            return provider.emailVerifiedByDefault();
        }
        return Boolean.TRUE.equals(claim) || "true".equals(claim);
    }

    private static String textClaim(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String text ? text : null;
    }

    private static boolean sameNonce(String inToken, String inRequest) {
        return inToken != null && inRequest != null && MessageDigest.isEqual(
                inToken.getBytes(StandardCharsets.UTF_8), inRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Nimbus checks exp (with skew) and the required claims on our clock; the OIDC-specific rules are added here. */
    private static final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
        private final OidcProvider provider;
        private final Clock clock;

        ClaimsVerifier(OidcProvider provider, Clock clock) {
            super(provider.clientIds(), null, Set.of("iss", "sub", "aud", "exp", "iat", "nonce"), null);
            setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
            this.provider = provider;
            this.clock = clock;
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            if (!provider.issuers().contains(claims.getIssuer())) {
                throw new BadJWTException("Unexpected issuer");
            }
            // OIDC Core 3.1.3.7: an audience we do not trust makes the whole token unacceptable.
            if (!provider.clientIds().containsAll(claims.getAudience())) {
                throw new BadJWTException("Untrusted audience");
            }
            if (claims.getIssueTime().toInstant().isAfter(clock.instant().plusSeconds(MAX_CLOCK_SKEW_SECONDS))) {
                throw new BadJWTException("Issued in the future");
            }
        }

        @Override
        protected Date currentTime() {
            return Date.from(Instant.now(clock));
        }
    }
}
