package id.warta.metrics;

/**
 * Every metric the functions report, with its unit: the code can report no other name, so this list
 * is what the template's alarms and dashboard may read (OperationsTemplateTest holds them to it) and
 * what README's metric contract documents. Each is reported with the dimension {@code Stack}; see
 * each for more.
 */
public enum Metric {
    /**
     * Articles, each {@code GET /articles/{slug}} answered with the article: per {@link Dimension#ACCESS_LEVEL}
     * and {@link Dimension#REASON} (the paywall's decision, {@code id.warta.paywall.PaywallMetrics}).
     */
    ARTICLE_READS("ArticleReads", Unit.COUNT),
    /**
     * Views, each view of a metered article by a reader who is not a crawler: per {@link Dimension#OUTCOME}
     * (a credit spent now, not needed, or the refusal's reason).
     */
    UNLOCKS("Unlocks", Unit.COUNT),
    /** Accounts: each account created, by registration or by a first social sign-in. */
    REGISTRATIONS("Registrations", Unit.COUNT),
    /** Accounts: each account activated, by its link or by a social sign-in that vouched for its address. */
    ACTIVATIONS("Activations", Unit.COUNT),
    /** Accounts: each sign-in that issued an access token, per {@link Dimension#METHOD}. */
    SIGN_INS("SignIns", Unit.COUNT),
    /**
     * Every API function: each request answered 429, and each stopped by a limit behind an answer the
     * contract fixes (a resend or reset request past the client's ceiling), per {@link Dimension#ROUTE}.
     */
    RATE_LIMITED("RateLimited", Unit.COUNT),
    /** Mailer, each run: emails SES accepted. */
    EMAILS_SENT("EmailsSent", Unit.COUNT),
    /** Mailer, each run: emails pending again (refused for now, or unanswered). */
    EMAILS_RETRIED("EmailsRetried", Unit.COUNT),
    /** Mailer, each run: emails given up (in total; and per {@link Dimension#OUTCOME} in lines of their own). */
    EMAILS_GIVEN_UP("EmailsGivenUp", Unit.COUNT),
    /** Mailer, each run: emails not sent because their address is suppressed (bounced or complained). */
    EMAILS_SUPPRESSED("EmailsSuppressed", Unit.COUNT),
    /** Mailer, each sweep: now minus the due time of the most overdue pending email, 0 when none is due. */
    OUTBOX_OLDEST_PENDING_AGE("OutboxOldestPendingAgeSeconds", Unit.SECONDS),
    /** Builder: 1 for each run that completed a build (a run that found the lease held reports nothing). */
    BUILDER_RUNS("BuilderRuns", Unit.COUNT),
    /** Builder: how long a completed build took. */
    BUILDER_DURATION("BuilderDurationMs", Unit.MILLISECONDS),
    /** Builder: the views a completed build read. */
    VIEWS_PROCESSED("ViewsProcessed", Unit.COUNT),
    /** SES feedback: addresses newly suppressed, per {@link Dimension#REASON} (hard bounce, complaint). */
    ADDRESSES_SUPPRESSED("AddressesSuppressed", Unit.COUNT),
    /** SES feedback: transient (soft) bounces, which suppress nothing. */
    SOFT_BOUNCES("SoftBounces", Unit.COUNT),
    /** SES feedback: notifications that could not be read (logged, never retried). */
    FEEDBACK_UNREADABLE("FeedbackUnreadable", Unit.COUNT);

    /** The CloudWatch units these metrics use (the names CloudWatch accepts). */
    public enum Unit {
        COUNT("Count"),
        SECONDS("Seconds"),
        MILLISECONDS("Milliseconds");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    private final String metricName;
    private final Unit unit;

    Metric(String metricName, Unit unit) {
        this.metricName = metricName;
        this.unit = unit;
    }

    /** The name in CloudWatch. */
    public String metricName() {
        return metricName;
    }

    public Unit unit() {
        return unit;
    }
}
