package id.warta.accounts;

import java.time.Duration;

/** What an email-link token is for, and how long it lives (checked in code; TTL only cleans up). */
public enum TokenPurpose {
    ACTIVATION(Duration.ofHours(24)),
    PASSWORD_RESET(Duration.ofHours(1));

    private final Duration lifetime;

    TokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }
}
