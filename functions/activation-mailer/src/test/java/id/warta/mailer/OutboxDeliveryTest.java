package id.warta.mailer;

import id.warta.logging.EventLog;
import id.warta.mail.DeliveryOutcome;
import id.warta.mail.MailKind;
import id.warta.mail.MailLanguage;
import id.warta.mail.OutboxMessage;
import id.warta.mailer.MailSender.MailSendException;
import id.warta.mail.SuppressionList;
import id.warta.testing.InMemorySuppressionList;
import id.warta.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delivery state machine, with a scripted SES, an in-memory outbox and a clock the test moves. */
class OutboxDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");
    private static final String TOKEN = "1b4e28ba-2fa1-4d2b-883f-0016d3cca427.q0Zk3zO5bF1mPpY2Jc8xWn4vR7tHsLgDaE6uKiN9yTo";
    private static final OutboxDelivery.RetryPolicy POLICY =
            new OutboxDelivery.RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(1), 4, Duration.ofMinutes(2),
                    Duration.ofMinutes(5));

    /** What SES does with one send. */
    private enum Ses {
        /** Accepts it and answers. */
        ACCEPTS,
        /** Answers with an error after which the message may pass later (a 403 during a rotation, throttling, 5xx). */
        REFUSES,
        /** Rejects the message for good. */
        REJECTS,
        /** Answers with a client error nobody classified: retried, but about this message only. */
        ANSWERS_AN_UNKNOWN_CLIENT_ERROR,
        /** Never got the request, and the call times out. */
        LOSES_THE_REQUEST,
        /** Accepts it, but the answer never arrives (the call times out). */
        LOSES_THE_ANSWER,
        /** Accepts it, and the run dies before it records anything (a Lambda timeout, a crash). */
        ACCEPTS_AND_THE_RUN_DIES
    }

    private final InMemoryOutboxQueue queue = new InMemoryOutboxQueue();
    private final Deque<Ses> script = new ArrayDeque<>();
    private final List<String> delivered = new ArrayList<>();
    private final List<String> logLines = new ArrayList<>();
    private int calls;

    private final MailSender sender = (recipient, email) -> {
        calls++;
        Ses ses = script.isEmpty() ? Ses.ACCEPTS : script.poll();
        switch (ses) {
            case ACCEPTS -> delivered.add(recipient);
            case REFUSES -> throw new MailSendException("SES 403 ExpiredToken: credentials", MailSendException.Outcome.NOT_SENT, true);
            case REJECTS -> throw new MailSendException("SES 400 MessageRejected: rejected", MailSendException.Outcome.REJECTED, false);
            case ANSWERS_AN_UNKNOWN_CLIENT_ERROR ->
                    throw new MailSendException("SES 400 SomethingNew: other", MailSendException.Outcome.NOT_SENT, false);
            case LOSES_THE_REQUEST -> throw new MailSendException("SES gave no answer", MailSendException.Outcome.UNKNOWN, true);
            case LOSES_THE_ANSWER -> {
                delivered.add(recipient);
                throw new MailSendException("SES gave no answer", MailSendException.Outcome.UNKNOWN, true);
            }
            case ACCEPTS_AND_THE_RUN_DIES -> {
                delivered.add(recipient);
                throw new RunDied();
            }
        }
        return "ses-message-" + calls;
    };

    private static final class RunDied extends Error {
    }

    private final MutableClock clock = new MutableClock(NOW);

    private final InMemorySuppressionList suppressions = new InMemorySuppressionList();
    private final OutboxDelivery delivery = new OutboxDelivery(queue, sender, suppressions, new MailTemplates("https://warta.example", 2),
            POLICY, new EventLog("activation-mailer", logLines::add), clock);

    private void enqueue(String id) {
        queue.add(id, new OutboxMessage(MailKind.ACTIVATION, MailLanguage.ID, id + "@example.id", "Sari", TOKEN), NOW);
    }

    private OutboxDelivery.Outcome sweep() {
        return delivery.sweep(Instant.MAX);
    }

    private static OutboxDelivery.Outcome outcome(Object... outcomeThenCount) {
        Map<DeliveryOutcome, Integer> counts = new java.util.EnumMap<>(DeliveryOutcome.class);
        for (int i = 0; i < outcomeThenCount.length; i += 2) {
            counts.put((DeliveryOutcome) outcomeThenCount[i], (Integer) outcomeThenCount[i + 1]);
        }
        return new OutboxDelivery.Outcome(counts);
    }

    private List<String> logged(String event) {
        return logLines.stream().filter(line -> line.contains("\"event\":\"" + event + "\"")).toList();
    }

    @Test
    void aSweepSendsEveryDueItemOnceRecordsTheMessageIdAndForgetsRecipientAndToken() {
        enqueue("a");
        enqueue("b");

        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.SENT, 2));
        assertThat(sweep()).isEqualTo(outcome());
        assertThat(delivery.deliver(List.of("a"), Instant.MAX)).isEqualTo(outcome(DeliveryOutcome.SKIPPED, 1));

        assertThat(delivered).containsExactly("a@example.id", "b@example.id");
        assertThat(queue.items.values()).allSatisfy(item -> {
            assertThat(item.delivery).isEqualTo(DeliveryOutcome.SENT);
            assertThat(item.messageId).startsWith("ses-message-");
            assertThat(item.message.token()).isNull();
            assertThat(item.message.recipient()).isNull();
            assertThat(item.message.name()).isNull();
        });
    }

    @Test
    void anItemClaimedByAnotherRunIsSkipped() {
        enqueue("a");
        queue.claim("a", NOW, NOW.plus(Duration.ofMinutes(2)));

        assertThat(delivery.deliver(List.of("a"), Instant.MAX)).isEqualTo(outcome(DeliveryOutcome.SKIPPED, 1));
        assertThat(calls).isZero();
    }

    @Test
    void aRefusedSendStaysPendingWithExponentialBackoffAndStopsTheRun() {
        enqueue("a");
        enqueue("b");
        script.addAll(List.of(Ses.REFUSES, Ses.REFUSES));

        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.RETRYING, 1, DeliveryOutcome.DEFERRED, 1));
        assertThat(queue.item("a").dueAt).isEqualTo(NOW.plusSeconds(5));
        assertThat(queue.item("b").attempts).as("b was not tried while SES was refusing").isZero();

        clock.set(NOW.plusSeconds(1));
        assertThat(sweep()).as("a is not due; b is, and SES refuses it").isEqualTo(outcome(DeliveryOutcome.RETRYING, 1));
        clock.set(NOW.plusSeconds(5));
        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.SENT, 1));
        assertThat(queue.item("b").dueAt).isEqualTo(NOW.plusSeconds(6));
        clock.set(NOW.plusSeconds(6));
        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.SENT, 1));

        assertThat(delivered).containsExactly("a@example.id", "b@example.id");
        assertThat(logged("OUTBOX_RETRY")).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("\"outcome\":\"RETRYING\"", "\"reason\":\"SES 403 ExpiredToken: credentials\"")
                .doesNotContain("example.id"));
    }

    @Test
    void aCredentialErrorDuringARotationKeepsTheRecipientAndTheEmailArrivesOnce() {
        enqueue("a");
        script.add(Ses.REFUSES);

        sweep();

        InMemoryOutboxQueue.Item afterThe403 = queue.item("a");
        assertThat(afterThe403.delivery).isNull();
        assertThat(afterThe403.message.recipient()).isEqualTo("a@example.id");
        assertThat(afterThe403.message.token()).isEqualTo(TOKEN);
        assertThat(afterThe403.lastError).isEqualTo("SES 403 ExpiredToken: credentials");

        clock.set(NOW.plusSeconds(5));
        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.SENT, 1));
        assertThat(delivered).containsExactly("a@example.id");
    }

    @Test
    void afterTheLastAttemptTheEmailIsGivenUpWithAnErrorLineAndACountButNoAddress() {
        enqueue("a");
        for (int attempt = 0; attempt < POLICY.maxAttempts(); attempt++) {
            script.add(Ses.REFUSES);
            OutboxDelivery.Outcome run = sweep();
            assertThat(run.count(attempt < POLICY.maxAttempts() - 1 ? DeliveryOutcome.RETRYING : DeliveryOutcome.GIVEN_UP_EXHAUSTED))
                    .isEqualTo(1);
            clock.advance(POLICY.maxDelay());
        }

        InMemoryOutboxQueue.Item item = queue.item("a");
        assertThat(item.delivery).isEqualTo(DeliveryOutcome.GIVEN_UP_EXHAUSTED);
        assertThat(item.message.token()).isNull();
        assertThat(item.message.recipient()).isNull();
        assertThat(logged("OUTBOX_GIVEN_UP")).singleElement().satisfies(line -> assertThat(line)
                .contains("\"level\":\"ERROR\"", "\"outboxId\":\"a\"", "\"kind\":\"ACTIVATION\"",
                        "\"outcome\":\"GIVEN_UP_EXHAUSTED\"", "\"reason\":\"SES 403 ExpiredToken: credentials\"",
                        "\"attempts\":" + POLICY.maxAttempts())
                .doesNotContain("example.id").doesNotContain(TOKEN).doesNotContain("Sari"));
        assertThat(sweep()).isEqualTo(outcome());
    }

    @Test
    void aPermanentRejectionIsGivenUpAtOnceAndTheRunGoesOn() {
        enqueue("a");
        enqueue("b");
        script.add(Ses.REJECTS);

        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.GIVEN_UP_REJECTED, 1, DeliveryOutcome.SENT, 1));

        assertThat(queue.item("a").delivery).isEqualTo(DeliveryOutcome.GIVEN_UP_REJECTED);
        assertThat(delivered).containsExactly("b@example.id");
        assertThat(logged("OUTBOX_GIVEN_UP")).singleElement().satisfies(line -> assertThat(line)
                .contains("\"outboxId\":\"a\"", "\"outcome\":\"GIVEN_UP_REJECTED\"", "MessageRejected"));
    }

    @Test
    void anUnknownClientErrorIsRetriedForThatMessageWhileTheRunGoesOn() {
        enqueue("a");
        enqueue("b");
        script.add(Ses.ANSWERS_AN_UNKNOWN_CLIENT_ERROR);

        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.RETRYING, 1, DeliveryOutcome.SENT, 1));
        assertThat(queue.item("a").delivery).isNull();
        assertThat(delivered).containsExactly("b@example.id");
    }

    @Test
    void anUnansweredSendIsRepeatedOnceAfterTheWaitAndThenNeverAgain() {
        enqueue("a");
        script.addAll(List.of(Ses.LOSES_THE_ANSWER, Ses.LOSES_THE_ANSWER));

        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.UNANSWERED, 1));
        assertThat(queue.item("a").dueAt).isEqualTo(NOW.plus(POLICY.unansweredWait()));
        clock.set(NOW.plus(POLICY.unansweredWait()).minusSeconds(1));
        assertThat(sweep()).as("not before the wait").isEqualTo(outcome());

        clock.set(NOW.plus(POLICY.unansweredWait()));
        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.GIVEN_UP_UNCONFIRMED, 1));
        clock.advance(Duration.ofDays(1));
        assertThat(sweep()).isEqualTo(outcome());

        assertThat(calls).isEqualTo(2);
        assertThat(delivered).as("one duplicate at worst").hasSize(2);
        assertThat(logged("OUTBOX_GIVEN_UP")).singleElement().satisfies(line -> assertThat(line)
                .contains("\"outcome\":\"GIVEN_UP_UNCONFIRMED\"", "\"unanswered\":1"));
    }

    @Test
    void aSendThatSesTookWithoutAnsweringAndAnAnsweredOneMakeTwoEmailsAtMost() {
        enqueue("a");
        script.addAll(List.of(Ses.LOSES_THE_ANSWER, Ses.REFUSES, Ses.REFUSES));

        sweep();
        for (int run = 0; run < 3; run++) {
            clock.advance(Duration.ofHours(1));
            sweep();
        }

        assertThat(queue.item("a").delivery).isEqualTo(DeliveryOutcome.SENT);
        assertThat(calls).isEqualTo(4);
        assertThat(delivered).hasSize(2);
    }

    @Test
    void aRunThatDiedAfterSendingCountsAsUnansweredWhenItsLeaseEnds() {
        enqueue("a");
        script.add(Ses.ACCEPTS_AND_THE_RUN_DIES);

        assertThatThrownBy(this::sweep).isInstanceOf(RunDied.class);
        assertThat(sweep()).as("still leased").isEqualTo(outcome(DeliveryOutcome.SKIPPED, 1));

        queue.leaseEnds("a");
        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.SENT, 1));
        assertThat(delivered).hasSize(2);
    }

    @Test
    void twoRunsThatDiedMidSendAreNeverFollowedByAThirdSend() {
        enqueue("a");
        queue.claim("a", NOW, NOW.plus(POLICY.lease()));
        queue.leaseEnds("a");
        queue.claim("a", NOW, NOW.plus(POLICY.lease()));
        queue.leaseEnds("a");

        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.GIVEN_UP_UNCONFIRMED, 1));
        assertThat(calls).isZero();
        assertThat(queue.item("a").message.token()).isNull();
    }

    @Test
    void aSentRecordThatFailsIsWrittenAgainWithinTheRun() {
        enqueue("a");
        queue.failingSentRecords = OutboxDelivery.RECORD_ATTEMPTS - 1;

        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.SENT, 1));
        queue.leaseEnds("a");
        assertThat(sweep()).isEqualTo(outcome());

        assertThat(queue.item("a").delivery).isEqualTo(DeliveryOutcome.SENT);
        assertThat(delivered).containsExactly("a@example.id");
    }

    @Test
    void aSentRecordThatKeepsFailingDoesNotStopTheRunAndCostsOneDuplicateAtMost() {
        enqueue("a");
        enqueue("b");
        queue.failingSentRecords = OutboxDelivery.RECORD_ATTEMPTS;

        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.SENT_UNRECORDED, 1, DeliveryOutcome.SENT, 1));
        assertThat(logged("OUTBOX_RECORD_FAILED")).singleElement().satisfies(line -> assertThat(line)
                .contains("\"outboxId\":\"a\"", "\"outcome\":\"SENT\"", "IllegalStateException"));

        queue.leaseEnds("a");
        script.add(Ses.LOSES_THE_ANSWER);
        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.GIVEN_UP_UNCONFIRMED, 1));
        assertThat(delivered).containsExactly("a@example.id", "b@example.id", "a@example.id");
    }

    @Test
    void anUnreachableOutboxStopsTheRunWithoutSendingAnything() {
        enqueue("a");
        enqueue("b");
        queue.failingClaims = 1;

        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.DEFERRED, 2));
        assertThat(calls).isZero();
        assertThat(logged("OUTBOX_UNREACHABLE")).singleElement().satisfies(line -> assertThat(line)
                .contains("\"outboxId\":\"a\"", "IllegalStateException"));
        assertThat(sweep()).isEqualTo(outcome(DeliveryOutcome.SENT, 2));
    }

    @Test
    void nothingIsClaimedAfterTheRunsLastClaimTime() {
        enqueue("a");

        assertThat(delivery.sweep(NOW.minusMillis(1))).isEqualTo(outcome(DeliveryOutcome.DEFERRED, 1));
        assertThat(queue.item("a").attempts).isZero();
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        OutboxDelivery.RetryPolicy policy = OutboxDelivery.RetryPolicy.PRODUCTION;

        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(11)).isEqualTo(Duration.ofMinutes(30));
    }

    /**
     * Every sequence of four SES behaviours (then a healthy SES), one item: never more than two
     * emails, and no email only when SES rejected it, when two sends went unanswered because SES never
     * got them, or when every attempt of the budget was refused.
     */
    @Test
    void atMostOneDuplicateAndAtLeastOneEmailWhileSesAnswersForEverySequenceOfFaults() {
        Ses[] faults = Ses.values();
        int sequences = (int) Math.pow(faults.length, 4);
        for (int n = 0; n < sequences; n++) {
            List<Ses> sequence = new ArrayList<>();
            for (int k = 0, rest = n; k < 4; k++, rest /= faults.length) {
                sequence.add(faults[rest % faults.length]);
            }
            OutboxDeliveryTest run = new OutboxDeliveryTest();
            DeliveryOutcome end = run.deliverThrough(sequence);

            assertThat(run.delivered).as(sequence.toString()).hasSizeLessThanOrEqualTo(2);
            List<Ses> sends = sequence.subList(0, Math.min(run.calls, sequence.size()));
            if (run.delivered.isEmpty()) {
                assertThat(end).as(sequence.toString()).isIn(DeliveryOutcome.GIVEN_UP_REJECTED,
                        DeliveryOutcome.GIVEN_UP_UNCONFIRMED, DeliveryOutcome.GIVEN_UP_EXHAUSTED);
                switch (end) {
                    case GIVEN_UP_REJECTED -> assertThat(sends).as(sequence.toString()).endsWith(Ses.REJECTS);
                    case GIVEN_UP_UNCONFIRMED -> assertThat(sends.stream().filter(s -> s == Ses.LOSES_THE_REQUEST))
                            .as(sequence.toString()).hasSize(2);
                    default -> assertThat(run.queue.item("a").attempts).as(sequence.toString())
                            .isGreaterThanOrEqualTo(POLICY.maxAttempts());
                }
            }
        }
    }

    /** One item through the given SES behaviours, a run after each with every lease ended, until it is done. */
    private DeliveryOutcome deliverThrough(List<Ses> sequence) {
        enqueue("a");
        script.addAll(sequence);
        for (int run = 0; run < 10 && queue.item("a").delivery == null; run++) {
            try {
                sweep();
            } catch (RunDied died) {
                // The next run finds the item as the dead one left it.
            }
            clock.advance(Duration.ofHours(1));
            queue.leaseEnds("a");
        }
        return queue.item("a").delivery;
    }

    @Test
    void anEmailToASuppressedAddressIsNeverSentAndIsCountedAsSuppressedNotGivenUp() {
        enqueue("bounced");
        enqueue("fine");
        suppressions.suppress(new SuppressionList.Suppression("Bounced@Example.ID", SuppressionList.Reason.HARD_BOUNCE,
                "feedback-1", NOW));

        OutboxDelivery.Outcome outcome = sweep();

        assertThat(outcome).isEqualTo(outcome(DeliveryOutcome.SUPPRESSED, 1, DeliveryOutcome.SENT, 1));
        assertThat(delivered).containsExactly("fine@example.id");
        assertThat(queue.item("bounced").delivery).isEqualTo(DeliveryOutcome.SUPPRESSED);
        assertThat(queue.item("bounced").message.recipient()).as("the address is forgotten").isNull();
        assertThat(queue.item("bounced").message.token()).isNull();
        assertThat(logLines).anyMatch(line -> line.contains("\"event\":\"OUTBOX_SUPPRESSED\""))
                .noneMatch(line -> line.contains("ERROR") || line.contains("bounced@"));
        clock.advance(Duration.ofHours(1));
        assertThat(sweep().count(DeliveryOutcome.SUPPRESSED)).as("never tried again").isZero();
    }

    @Test
    void anUnreadableSuppressionListSendsNothingAndStopsTheRunWithTheEmailPendingAgain() {
        enqueue("first");
        enqueue("second");
        suppressions.failingReads = 1;

        OutboxDelivery.Outcome outcome = sweep();

        assertThat(outcome).isEqualTo(outcome(DeliveryOutcome.RETRYING, 1, DeliveryOutcome.DEFERRED, 1));
        assertThat(calls).isZero();
        assertThat(queue.item("first").lastError).contains("suppression list unreadable");
        clock.advance(Duration.ofMinutes(1));
        assertThat(sweep().count(DeliveryOutcome.SENT)).isEqualTo(2);
    }

    @Test
    void theOldestPendingAgeIsHowLongTheMostOverdueEmailHasWaitedAndZeroWhenNoneIsDue() {
        assertThat(delivery.oldestPendingAge()).isZero();
        enqueue("waiting");
        clock.advance(Duration.ofSeconds(90));

        assertThat(delivery.oldestPendingAge()).isEqualTo(Duration.ofSeconds(90));
        sweep();
        assertThat(delivery.oldestPendingAge()).as("delivered").isZero();
    }
}
