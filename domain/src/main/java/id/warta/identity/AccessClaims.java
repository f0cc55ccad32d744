package id.warta.identity;

import java.time.Instant;

/** What a verified access token says: whose it is, and which credential generation it belongs to. */
public record AccessClaims(String accountId, long credentialVersion, Instant issuedAt, Instant expiresAt) {
}
