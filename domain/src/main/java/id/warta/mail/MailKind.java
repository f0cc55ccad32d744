package id.warta.mail;

/** The account emails the outbox carries; each has its own template (activation-mailer resources). */
public enum MailKind {
    /** A link to {SiteUrl}/aktivasi?token=... */
    ACTIVATION,
    /** Someone registered with an address that already has an activated account: no token, no new account. */
    ALREADY_REGISTERED,
    /** A link to {SiteUrl}/reset-password?token=... */
    PASSWORD_RESET
}
