package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.dynamo.AccountsTable;
import id.warta.dynamo.Attr;
import id.warta.dynamo.DynamoMailOutbox;
import id.warta.local.faults.Fault;
import id.warta.local.faults.FaultRule;
import id.warta.local.faults.Match;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account email through SES faults: the mailer's real handler, DynamoDB and SES reached through fault
 * proxies, SES's store as the judge of what was delivered. Each test delivers only its own outbox items
 * (a stream batch naming them), with SES faults matched on its own addresses. Waiting for a retry is
 * fast-forwarded: the test moves the item's {@code dueAt} or lease into the past, which is all the
 * passing of time does to it; each test first checks that the wait was set.
 */
@LocalStackOnly
class MailerFaultsIT {
    private static final String PASSWORD = "kopi-tubruk-2026";
    private static ProxiedStack proxied;
    private static AccountsMailbox mailbox;

    /** The shared stack's own client: reads and time travel that no fault must touch. */
    private final DynamoDbClient direct = TestStack.shared().cloud().dynamo();

    @BeforeAll
    static void startStackBehindProxies() {
        proxied = TestStack.behindFaultProxy();
        mailbox = new AccountsMailbox(proxied.stack());
    }

    @AfterAll
    static void stop() {
        proxied.close();
    }

    @AfterEach
    void noFaultOutlivesItsTest() {
        proxied.ses().clear();
        proxied.dynamoDb().clear();
    }

    /** A registration's address and the outbox item of its activation email. */
    private record Pending(String email, String id) {
    }

    private Pending register(String prefix) {
        String email = AccountsMailbox.uniqueAddress(prefix);
        TestStack.Response response = proxied.stack().post("/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Sari Uji\"}");
        assertThat(response.status()).isEqualTo(202);
        return new Pending(email, outboxId(email));
    }

    /** The pending outbox item addressed to {@code email}. */
    private String outboxId(String email) {
        List<Map<String, AttributeValue>> items = direct.scanPaginator(b -> b.tableName(AccountsApiIT.ACCOUNTS_TABLE)
                .filterExpression("begins_with(pk, :outbox) AND recipient = :email")
                .expressionAttributeValues(Map.of(":outbox", Attr.s(AccountsTable.OUTBOX_PREFIX), ":email", Attr.s(email))))
                .items().stream().toList();
        assertThat(items).as("the pending email to " + email).hasSize(1);
        return Attr.string(items.getFirst(), "pk").substring(AccountsTable.OUTBOX_PREFIX.length());
    }

    private Map<String, AttributeValue> item(String outboxId) {
        return direct.getItem(b -> b.tableName(AccountsApiIT.ACCOUNTS_TABLE).key(AccountsTable.outboxKey(outboxId))
                .consistentRead(true)).item();
    }

    /** What the passing of time does to a pending item: it comes due, and its lease (if any) ends. */
    private void timePassesFor(String outboxId) {
        String past = DynamoMailOutbox.sortable(Instant.now().minusSeconds(1));
        direct.updateItem(b -> b.tableName(AccountsApiIT.ACCOUNTS_TABLE).key(AccountsTable.outboxKey(outboxId))
                .conditionExpression("attribute_exists(pk)")
                .updateExpression(item(outboxId).containsKey("leaseUntil") ? "SET dueAt = :past, leaseUntil = :past"
                        : "SET dueAt = :past")
                .expressionAttributeValues(Map.of(":past", Attr.s(past))));
    }

    /** Due this far from now, give or take the time the test took. */
    private void assertDueIn(String outboxId, Duration wait) {
        Instant dueAt = Instant.parse(Attr.string(item(outboxId), "dueAt"));
        assertThat(dueAt).isBetween(Instant.now().plus(wait).minusSeconds(30), Instant.now().plus(wait));
    }

    private static Match sendEmailTo(String... addresses) {
        return Match.operation("SendEmail").and(request -> {
            for (String address : addresses) {
                if (request.body().contains(URLEncoder.encode(address, StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            return false;
        }, "to " + String.join(" or ", addresses));
    }

    /** One mailer run on a stream batch naming these items only. */
    private static JsonNode deliver(Pending... mails) {
        return mailbox.deliver(Arrays.stream(mails).map(Pending::id).toList());
    }

    private static int count(JsonNode run, String outcome) {
        return run.path(outcome).asInt();
    }

    @Test
    void oneRegistrationUnderASlowSesGetsExactlyOneEmail() {
        Pending mail = register("lambat");
        proxied.ses().inject(sendEmailTo(mail.email()), Fault.delay(Duration.ofMillis(2500)));
        FaultRule sends = proxied.ses().watch(sendEmailTo(mail.email()));

        JsonNode run = deliver(mail);

        assertThat(count(run, "sent")).isEqualTo(1);
        timePassesFor(mail.id());
        assertThat(count(deliver(mail), "skipped")).isEqualTo(1);
        assertThat(sends.hits()).isEqualTo(1);
        assertThat(mailbox.emailsTo(mail.email())).hasSize(1);
        assertThat(Attr.string(item(mail.id()), "delivery")).isEqualTo("SENT");
        assertThat(Attr.string(item(mail.id()), "messageId")).isNotBlank();
    }

    @Test
    void anSesThatTakesEverySendButAnswersTooLateSendsTwoEmailsAtMostAndGivesUpLoudly() {
        Pending mail = register("tanpa-jawaban");
        proxied.ses().inject(sendEmailTo(mail.email()), Fault.delay(Duration.ofSeconds(6)));
        FaultRule sends = proxied.ses().watch(sendEmailTo(mail.email()));

        assertThat(count(deliver(mail), "unanswered")).isEqualTo(1);
        assertDueIn(mail.id(), Duration.ofMinutes(2));
        assertThat(count(deliver(mail), "skipped")).as("not before the wait").isEqualTo(1);

        timePassesFor(mail.id());
        assertThat(count(deliver(mail), "unconfirmed")).isEqualTo(1);

        assertThat(sends.hits()).isEqualTo(2);
        assertThat(mailbox.emailsTo(mail.email())).as("SES took both sends: one duplicate, the most there can be").hasSize(2);
        Map<String, AttributeValue> item = item(mail.id());
        assertThat(Attr.string(item, "delivery")).isEqualTo("GIVEN_UP_UNCONFIRMED");
        assertThat(item).doesNotContainKeys("recipient", "token", "outboxState");
        assertThat(count(deliver(mail), "skipped")).isEqualTo(1);
        assertThat(sends.hits()).isEqualTo(2);
    }

    @Test
    void aConnectionResetOnSendIsSentOnceMoreAfterTheWait() {
        Pending mail = register("putus");
        proxied.ses().inject(sendEmailTo(mail.email()), Fault.reset(), 1);

        assertThat(count(deliver(mail), "unanswered")).isEqualTo(1);
        assertDueIn(mail.id(), Duration.ofMinutes(2));
        timePassesFor(mail.id());
        assertThat(count(deliver(mail), "sent")).isEqualTo(1);

        assertThat(mailbox.emailsTo(mail.email())).hasSize(1);
    }

    @Test
    void aShortPauseOfSesSendsEachPendingEmailOnceWhenItResumes() throws Exception {
        Pending first = register("jeda-a");
        Pending second = register("jeda-b");
        FaultRule paused = proxied.ses().inject(sendEmailTo(first.email(), second.email()), Fault.hold());
        FaultRule sends = proxied.ses().watch(sendEmailTo(first.email(), second.email()));

        Thread resume = Thread.ofVirtual().start(() -> {
            try {
                paused.awaitHits(1, Duration.ofSeconds(10));
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            paused.close();
        });
        JsonNode run = deliver(first, second);
        resume.join();

        assertThat(count(run, "sent")).isEqualTo(2);
        assertThat(sends.hits()).isEqualTo(2);
        assertThat(mailbox.emailsTo(first.email())).hasSize(1);
        assertThat(mailbox.emailsTo(second.email())).hasSize(1);
    }

    @Test
    void aPauseLongerThanTheSendTimeoutCostsOnlyTheEmailInFlightOneDuplicateAtMost() {
        Pending inFlight = register("jeda-lama-a");
        Pending waiting = register("jeda-lama-b");
        FaultRule sends = proxied.ses().watch(sendEmailTo(inFlight.email(), waiting.email()));

        JsonNode duringThePause;
        try (FaultRule ignored = proxied.ses().inject(sendEmailTo(inFlight.email(), waiting.email()), Fault.hold())) {
            duringThePause = deliver(inFlight, waiting);
        }
        assertThat(count(duringThePause, "unanswered")).isEqualTo(1);
        assertThat(count(duringThePause, "deferred")).as("only one call waits on a paused SES").isEqualTo(1);
        assertThat(Attr.number(item(waiting.id()), "attempts", 0)).isZero();

        // SES resumes and takes the request it held; the run after it sends the email that waited.
        AccountsMailbox.pollUntil(() -> mailbox.emailsTo(inFlight.email()).size() == 1 ? true : null, "the held send to land");
        JsonNode resumed = deliver(inFlight, waiting);
        assertThat(count(resumed, "sent")).isEqualTo(1);
        assertThat(count(resumed, "skipped")).as("the unanswered one waits").isEqualTo(1);

        timePassesFor(inFlight.id());
        assertThat(count(deliver(inFlight, waiting), "sent")).isEqualTo(1);
        timePassesFor(inFlight.id());
        timePassesFor(waiting.id());
        assertThat(count(deliver(inFlight, waiting), "skipped")).isEqualTo(2);

        assertThat(mailbox.emailsTo(waiting.email())).hasSize(1);
        assertThat(mailbox.emailsTo(inFlight.email())).as("the send SES held landed; its one repeat too").hasSize(2);
        assertThat(sends.hits()).isEqualTo(3);
    }

    @Test
    void anExpiredCredentialThenSuccessDeliversOnceAndKeepsTheRecipientMeanwhile() {
        Pending mail = register("rotasi");
        proxied.ses().inject(sendEmailTo(mail.email()), Fault.sesError(403, "ExpiredToken", "The security token included in the request is expired"), 1);

        assertThat(count(deliver(mail), "retrying")).isEqualTo(1);

        Map<String, AttributeValue> afterThe403 = item(mail.id());
        assertThat(afterThe403).containsKeys("recipient", "token", "outboxState");
        assertThat(Attr.string(afterThe403, "lastError")).isEqualTo("SES 403 ExpiredToken: credentials");
        assertDueIn(mail.id(), Duration.ofSeconds(5));
        timePassesFor(mail.id());
        assertThat(count(deliver(mail), "sent")).isEqualTo(1);

        assertThat(mailbox.emailsTo(mail.email())).hasSize(1);
    }

    @Test
    void aPermanentRejectionIsGivenUpAtOnceWithAnErrorLineThatNamesNoAddress() {
        Pending mail = register("ditolak");
        proxied.ses().inject(sendEmailTo(mail.email()), Fault.sesError(400, "MessageRejected", "Email address is not verified."), 1);

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        JsonNode run;
        try {
            run = deliver(mail);
        } finally {
            System.setOut(out);
        }

        assertThat(count(run, "rejected")).isEqualTo(1);
        String givenUp = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("\"event\":\"OUTBOX_GIVEN_UP\"")).findFirst().orElseThrow();
        assertThat(givenUp).contains("\"level\":\"ERROR\"", "\"outboxId\":\"" + mail.id() + "\"", "\"kind\":\"ACTIVATION\"",
                        "\"outcome\":\"GIVEN_UP_REJECTED\"", "\"reason\":\"SES 400 MessageRejected: rejected\"")
                .doesNotContain(mail.email()).doesNotContain("Sari");
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("\"rejected\":1");
        Map<String, AttributeValue> item = item(mail.id());
        assertThat(Attr.string(item, "delivery")).isEqualTo("GIVEN_UP_REJECTED");
        assertThat(item).doesNotContainKeys("recipient", "token", "outboxState");
        assertThat(mailbox.emailsTo(mail.email())).isEmpty();
    }

    @Test
    void aClaimWhoseAnswerWasLostIsRecognisedAsTheRunsOwn() {
        Pending mail = register("klaim");
        FaultRule lost = proxied.dynamoDb().inject(Match.operation("UpdateItem").table(AccountsApiIT.ACCOUNTS_TABLE)
                .bodyContains(mail.id()).bodyContains("ADD attempts"), Fault.dropAfterWrite(), 1);

        assertThat(count(deliver(mail), "sent")).isEqualTo(1);

        assertThat(lost.hits()).isEqualTo(1);
        assertThat(Attr.number(item(mail.id()), "attempts", 0)).isEqualTo(1);
        assertThat(mailbox.emailsTo(mail.email())).hasSize(1);
    }

    @Test
    void aSentRecordThatFailsIsWrittenAgainWithinTheRunAndTheEmailIsNotSentAgain() {
        Pending mail = register("catat");
        Match sentRecord = Match.operation("UpdateItem").table(AccountsApiIT.ACCOUNTS_TABLE).bodyContains(mail.id())
                .bodyContains("messageId");
        // The record lands but its answer is lost; the SDK's two retries then meet errors, and so does
        // the run's second write, once: the run's write after that gets through.
        FaultRule lost = proxied.dynamoDb().inject(sentRecord, Fault.dropAfterWrite(), 1);
        FaultRule failing = proxied.dynamoDb().inject(sentRecord, Fault.dynamoDbError(500, "InternalServerError", "fault test"), 3);

        assertThat(count(deliver(mail), "sent")).isEqualTo(1);
        assertThat(lost.hits()).isEqualTo(1);
        assertThat(failing.hits()).isEqualTo(3);

        timePassesFor(mail.id());
        assertThat(count(deliver(mail), "skipped")).isEqualTo(1);
        assertThat(Attr.string(item(mail.id()), "delivery")).isEqualTo("SENT");
        assertThat(mailbox.emailsTo(mail.email())).hasSize(1);
    }

    @Test
    void aSentRecordThatKeepsFailingDoesNotStopTheRunAndCostsOneDuplicateAtMost() {
        Pending unrecorded = register("tak-tercatat");
        Pending next = register("berikutnya");

        JsonNode run;
        try (FaultRule ignored = proxied.dynamoDb().inject(Match.operation("UpdateItem").table(AccountsApiIT.ACCOUNTS_TABLE)
                .bodyContains(unrecorded.id()).bodyContains("messageId"), Fault.dynamoDbError(500, "InternalServerError", "fault test"))) {
            run = deliver(unrecorded, next);
        }
        assertThat(count(run, "sentUnrecorded")).isEqualTo(1);
        assertThat(count(run, "sent")).as("the run went on").isEqualTo(1);
        assertThat(count(deliver(unrecorded), "skipped")).as("while its lease lasts").isEqualTo(1);

        timePassesFor(unrecorded.id());
        assertThat(count(deliver(unrecorded), "sent")).isEqualTo(1);
        timePassesFor(unrecorded.id());
        assertThat(count(deliver(unrecorded), "skipped")).isEqualTo(1);

        assertThat(mailbox.emailsTo(unrecorded.email())).as("sent, unrecorded, sent once more: the one duplicate").hasSize(2);
        assertThat(mailbox.emailsTo(next.email())).hasSize(1);
    }
}
