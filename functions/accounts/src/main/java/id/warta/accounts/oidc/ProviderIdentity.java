package id.warta.accounts.oidc;

import java.time.Instant;

/**
 * Who a verified ID token says the reader is. {@code subject} is the provider's stable id for the
 * person, the only thing an identity is matched on later; {@code email} (may be null) is what the
 * provider had on file at sign-in, and {@code emailVerified} whether the provider vouches for it.
 * {@code acceptedUntil}: the token's {@code exp} plus the clock skew the verifier allows, the last
 * moment the same token would verify again.
 */
public record ProviderIdentity(String provider, String subject, String email, boolean emailVerified, String name,
                               Instant acceptedUntil) {
}
