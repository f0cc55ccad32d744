package id.warta.mail;

/**
 * Where the request path records an email to send. Delivery happens later, in the mailer, so that a
 * request never waits on (or fails because of) the mail service.
 */
public interface MailOutbox {
    void enqueue(OutboxMessage message);
}
