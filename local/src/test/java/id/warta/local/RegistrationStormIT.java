package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.local.faults.Fault;
import id.warta.local.faults.FaultRule;
import id.warta.local.faults.Match;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 row 1: 40 registrations at once, where for some of them DynamoDB applies the write of
 * the address claim, the account or the outbox item but its answer is lost (so the SDK retries):
 * every address ends up usable and its activation email queued exactly once. On a busy 2-core
 * machine some registrations may also answer 503 (a DynamoDB call outlived its timeout) or not in
 * time; their readers retry, and only those addresses may get more than one email (at most one
 * per try).
 */
class RegistrationStormIT {
    private static final int REGISTRATIONS = 40;
    private static final int ATTEMPTS = 5;

    @AutoClose
    private static final ProxiedStack proxied = TestStack.behindFaultProxy();
    private static final AccountRequests accounts = new AccountRequests(proxied.stack());
    private static final AccountsMailbox mailbox = new AccountsMailbox(proxied.stack());

    /** The next PutItem (one attempt) of a given kind of item for that address lands, and its answer is lost. */
    private static FaultRule loseAnswerOnce(String keyPrefix, String email) {
        return proxied.dynamoDb().inject(Match.operation("PutItem").bodyContains("\"S\":\"" + keyPrefix)
                .bodyContains(email), Fault.dropAfterWrite(), 1);
    }

    /** A registration as a reader makes it: again after a 503 (when Retry-After says) or no answer at all. */
    private static List<TestStack.Response> registerUntilAccepted(String email) throws InterruptedException {
        List<TestStack.Response> answers = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            TestStack.Response answer;
            try {
                answer = accounts.register(email);
            } catch (IllegalStateException timedOut) {
                answer = new TestStack.Response(503, Map.of("Retry-After", List.of("1")), timedOut.getMessage());
            }
            answers.add(answer);
            if (answer.status() != 503) {
                break;
            }
            TimeUnit.SECONDS.sleep(Long.parseLong(answer.header("Retry-After")));
        }
        return answers;
    }

    /** Sweeps the outbox until every address has its number of emails; returns them. */
    private static Map<String, List<JsonNode>> deliver(Map<String, Integer> expected) {
        return AccountsMailbox.pollUntil(() -> {
            mailbox.sweep();
            Map<String, List<JsonNode>> emails = mailbox.emailsByRecipient();
            boolean all = expected.entrySet().stream()
                    .allMatch(e -> emails.getOrDefault(e.getKey(), List.of()).size() >= e.getValue());
            return all ? emails : null;
        }, "every address's emails");
    }

    @Test
    void everyAddressOfAStormWithLostAnswersIsUsableAndGetsOneEmail() throws Exception {
        List<String> addresses = new ArrayList<>();
        List<FaultRule> lostAnswers = new ArrayList<>();
        for (int i = 0; i < REGISTRATIONS; i++) {
            String email = AccountsMailbox.uniqueAddress("storm-" + i);
            addresses.add(email);
            switch (i % 4) {
                case 0 -> lostAnswers.add(loseAnswerOnce("EMAIL#", email));
                case 1 -> lostAnswers.add(loseAnswerOnce("OUTBOX#", email));
                case 2 -> lostAnswers.add(loseAnswerOnce("ACCOUNT#", email));
                default -> {
                }
            }
        }

        Map<String, List<TestStack.Response>> answers = new LinkedHashMap<>();
        try (ExecutorService browsers = Executors.newFixedThreadPool(REGISTRATIONS)) {
            Map<String, Future<List<TestStack.Response>>> pending = new LinkedHashMap<>();
            for (String email : addresses) {
                pending.put(email, browsers.submit(() -> registerUntilAccepted(email)));
            }
            for (Map.Entry<String, Future<List<TestStack.Response>>> answer : pending.entrySet()) {
                answers.put(answer.getKey(), answer.getValue().get());
            }
        }

        assertThat(lostAnswers).allSatisfy(rule -> assertThat(rule.hits()).as(rule.toString()).isEqualTo(1));
        Map<String, Long> pending = mailbox.pendingOutboxByRecipient();
        Map<String, Integer> queued = new LinkedHashMap<>();
        answers.forEach((email, tries) -> {
            assertThat(tries.getLast().status()).as(email + " " + tries.getLast().body()).isEqualTo(202);
            // Exactly one email for a registration answered 202 at once; a 503 before may have queued one too.
            queued.put(email, pending.getOrDefault(email, 0L).intValue());
            assertThat(queued.get(email)).as(email + " after " + tries.size() + " tries").isBetween(1, tries.size());
        });
        assertThat(queued).as("first-time registrations").allSatisfy((email, count) -> {
            if (answers.get(email).size() == 1) {
                assertThat(count).as(email).isEqualTo(1);
            }
        });
        Map<String, List<JsonNode>> delivered = deliver(queued);
        Map<String, Integer> afterResend = new LinkedHashMap<>();
        for (String email : addresses) {
            assertThat(delivered.get(email)).as(email).hasSize(queued.get(email));
            mailbox.forgetLimit("ACTIVATION_SEND", email);
            assertThat(accounts.resend(email).status()).as(email).isEqualTo(202);
            afterResend.put(email, queued.get(email) + 1);
        }
        Map<String, List<JsonNode>> resent = deliver(afterResend);
        for (String email : addresses) {
            assertThat(resent.get(email)).as(email).hasSize(queued.get(email) + 1);
            assertThat(accounts.activate(AccountsMailbox.token(resent.get(email).getLast())).status()).as(email).isEqualTo(200);
            assertThat(accounts.login(email, AccountRequests.PASSWORD).status()).as(email).isEqualTo(200);
        }
    }
}
