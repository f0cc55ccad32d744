package id.warta.mail;

/**
 * What became of one outbox item in one run. Each value is one counter of the mailer's metrics: the
 * handler's log line per run carries the count of each (under {@link #key()}), which is where the
 * operations dashboard's metrics come from (as CloudWatch EMF, say); every item given up has, besides,
 * an ERROR line of its own ({@code OUTBOX_GIVEN_UP}) with its id, kind and reason.
 */
public enum DeliveryOutcome {
    /** SES accepted it, and the outbox recorded that. */
    SENT("sent"),
    /**
     * SES accepted it, but recording that failed even after retries: when its claim ends, the item
     * counts as unanswered and is sent at most once more (the one duplicate the design allows).
     */
    SENT_UNRECORDED("sentUnrecorded"),
    /** Certainly not sent (SES refused it for now, or was unreachable): pending again, with back-off. */
    RETRYING("retrying"),
    /** No answer from SES: it may have been sent. Pending again after a wait, to be sent at most once more. */
    UNANSWERED("unanswered"),
    /** Given up: SES rejected the message for good (a bad address, a rejected message). */
    GIVEN_UP_REJECTED("rejected"),
    /** Given up: the attempt budget is spent and no send went out. */
    GIVEN_UP_EXHAUSTED("exhausted"),
    /** Given up: two sends went unanswered. It was probably delivered (perhaps twice) and is never sent again. */
    GIVEN_UP_UNCONFIRMED("unconfirmed"),
    /**
     * Not sent, and never will be: the address is on the {@link SuppressionList} (it bounced for good,
     * or its owner complained). Not a failure of the mailer, so not counted as given up.
     */
    SUPPRESSED("suppressed"),
    /** Not claimable: another run holds it, it is not due, or it was already delivered. */
    SKIPPED("skipped"),
    /** Not tried in this run: the run stopped early (SES or the outbox failing, or time running out). */
    DEFERRED("deferred");

    private final String key;

    DeliveryOutcome(String key) {
        this.key = key;
    }

    /** The name of its count in the run's log line and result. */
    public String key() {
        return key;
    }

    public boolean givenUp() {
        return this == GIVEN_UP_REJECTED || this == GIVEN_UP_EXHAUSTED || this == GIVEN_UP_UNCONFIRMED;
    }
}
