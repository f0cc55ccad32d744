package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox delivers every account email exactly once: through an SES outage, and under concurrent runs. */
@LocalStackOnly
class MailerDeliveryIT {
    private final TestStack stack = TestStack.shared();
    private final AccountsMailbox mailbox = new AccountsMailbox(stack);

    private List<String> registerAccounts(String prefix, int count) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = AccountsMailbox.uniqueAddress(prefix);
            TestStack.Response response = stack.post("/auth/register",
                    "{\"email\":\"" + email + "\",\"password\":\"kopi-tubruk-2026\",\"name\":\"Pembaca " + i + "\"}");
            assertThat(response.status()).isEqualTo(202);
            addresses.add(email);
        }
        return addresses;
    }

    private long pendingOutboxItems() {
        return stack.cloud().dynamo().queryPaginator(b -> b.tableName(AccountsApiIT.ACCOUNTS_TABLE)
                        .indexName("PendingOutbox")
                        .keyConditionExpression("outboxState = :pending")
                        .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS("PENDING"))))
                .items().stream().count();
    }

    @Test
    void everyEmailRegisteredDuringAnSesOutageArrivesExactlyOnceAfterIt() {
        mailbox.sweep();
        List<String> addresses;
        JsonNode duringOutage;
        stack.cloud().emulators().stopSes();
        try {
            // The request path never waits on SES: registration answers while it is down.
            addresses = registerAccounts("outage", 3);
            duringOutage = mailbox.sweep();
        } finally {
            stack.cloud().emulators().startSes();
        }
        // The first send finds SES unreachable (certainly not sent); the run leaves the rest for later.
        assertThat(duringOutage.path("sent").asInt()).isZero();
        assertThat(duringOutage.path("retrying").asInt()).isEqualTo(1);
        assertThat(duringOutage.path("deferred").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(pendingOutboxItems()).isGreaterThanOrEqualTo(3);

        for (String address : addresses) {
            mailbox.awaitEmails(address, 1);
        }
        mailbox.sweep();
        mailbox.sweep();

        for (String address : addresses) {
            List<JsonNode> emails = mailbox.emailsTo(address);
            assertThat(emails).as(address).hasSize(1);
            assertThat(emails.getFirst().path("subject").asText()).isEqualTo("Aktifkan akun Warta Anda");
        }
    }

    @Test
    void concurrentSweepsNeverSendAnEmailTwice() throws Exception {
        List<String> addresses = registerAccounts("concurrent", 5);
        Callable<JsonNode> sweep = mailbox::sweep;

        int sent = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<JsonNode>> runs = pool.invokeAll(List.of(sweep, sweep, sweep, sweep));
            for (Future<JsonNode> run : runs) {
                sent += run.get().path("sent").asInt();
            }
        }

        assertThat(sent).isGreaterThanOrEqualTo(5);
        for (String address : addresses) {
            assertThat(mailbox.emailsTo(address)).as(address).hasSize(1);
        }
    }
}
