package id.warta.paywall;

/** Why an article is not (or not yet) readable in full. */
public enum AccessReason {
    LOGIN_REQUIRED, ACTIVATION_REQUIRED, QUOTA_EXHAUSTED, SUBSCRIPTION_REQUIRED
}
