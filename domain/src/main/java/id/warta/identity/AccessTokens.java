package id.warta.identity;

import java.time.Duration;

/**
 * Short-lived bearer tokens: issued at sign-in, verified on every request that carries one. The
 * credential version lets a password reset revoke every older token. The signing itself is an
 * adapter's (the HTTP module's {@code JwtAccessTokens}); the domain only says what a token says.
 */
public interface AccessTokens {
    Duration LIFETIME = Duration.ofMinutes(15);

    /** A token for the account's current credentials, valid for {@link #LIFETIME}. */
    String issue(String accountId, long credentialVersion);

    /** @throws InvalidAccessTokenException if the token is malformed, forged or expired */
    AccessClaims verify(String token);
}
