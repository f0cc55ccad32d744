package id.warta.mailer;

/** Sends one email (SES in the function), with one attempt per call: retrying is the outbox's decision. */
public interface MailSender {

    /**
     * @return the mail service's id for the accepted message
     * @throws MailSendException when it was not accepted, or when there is no telling whether it was
     */
    String send(String recipient, RenderedEmail email);

    final class MailSendException extends RuntimeException {
        /** What a failed send means for the email, which decides what the outbox does next. */
        public enum Outcome {
            /** The mail service answered that it will never accept this message as it is. */
            REJECTED,
            /** Certainly not sent: the service answered with an error worth retrying, or the request never reached it. */
            NOT_SENT,
            /** No answer once the request had left (a timeout, a connection lost mid-call): it may have been accepted. */
            UNKNOWN
        }

        private final Outcome outcome;
        private final boolean serviceWide;

        /**
         * @param reason      for logs and the outbox item: error codes and classes only, never an address
         * @param serviceWide the next message would fail the same way (throttling, an outage, credentials):
         *                    the run stops instead of trying every item
         */
        public MailSendException(String reason, Outcome outcome, boolean serviceWide) {
            super(reason, null, false, false);
            this.outcome = outcome;
            this.serviceWide = serviceWide;
        }

        public Outcome outcome() {
            return outcome;
        }

        public boolean serviceWide() {
            return serviceWide;
        }
    }
}
