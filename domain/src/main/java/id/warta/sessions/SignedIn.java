package id.warta.sessions;

import java.time.Duration;
import java.util.Optional;

/**
 * What a sign-in or a refresh gives the reader: a short-lived access token, and the session's refresh
 * credential with how long the browser keeps it ({@code cookieLifetime}; empty for a session that
 * was not remembered, whose cookie lasts as long as the browser runs).
 */
public record SignedIn(String accessToken, long expiresInSeconds, SessionCredential credential,
                       Optional<Duration> cookieLifetime) {
}
