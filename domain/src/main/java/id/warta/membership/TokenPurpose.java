package id.warta.membership;

import java.time.Duration;

/**
 * What an email-link token is for, and how long it lives (checked in code; TTL only cleans up). An
 * activation link carries the registration it was sent for ({@link Account.Registration}).
 */
public enum TokenPurpose {
    ACTIVATION(Duration.ofHours(24), true),
    PASSWORD_RESET(Duration.ofHours(1), false);

    private final Duration lifetime;
    private final boolean carriesRegistration;

    TokenPurpose(Duration lifetime, boolean carriesRegistration) {
        this.lifetime = lifetime;
        this.carriesRegistration = carriesRegistration;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public boolean carriesRegistration() {
        return carriesRegistration;
    }
}
