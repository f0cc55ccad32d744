package id.warta.mailer;

/** Sends one email (SES in the function). */
public interface MailSender {

    /** @throws MailSendException when the email was not accepted */
    void send(String recipient, RenderedEmail email);

    final class MailSendException extends RuntimeException {
        private final boolean permanent;

        /** @param permanent true when retrying cannot help (the address or message was rejected) */
        public MailSendException(String reason, boolean permanent) {
            super(reason, null, false, false);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
