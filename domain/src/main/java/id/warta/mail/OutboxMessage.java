package id.warta.mail;

/**
 * One email to send. {@code token} is the raw one-time token for the link (null for
 * {@link MailKind#ALREADY_REGISTERED}); it lives in the outbox only until the email is sent.
 */
public record OutboxMessage(MailKind kind, MailLanguage language, String recipient, String name, String token) {
}
