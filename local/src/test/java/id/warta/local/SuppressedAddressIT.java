package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.warta.dynamo.AccountsTable;
import id.warta.json.Json;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SES feedback end to end on the emulators: the events/mail-feedback SNS fixtures (each naming an
 * address of this test) go through the path bin/invoke uses (LocalCloud.function(...).invokeJson),
 * the suppression lands in the AccountsTable, and the registration and resend flows over HTTP then
 * queue emails that the mailer's real sweep never sends to a suppressed address.
 */
@LocalStackOnly
class SuppressedAddressIT {
    /** The address each fixture names, as SES reports it. */
    private static final Map<String, String> FIXTURE_ADDRESSES = Map.of(
            "bounce-permanent.json", "Tidak.Ada@example.id",
            "bounce-transient.json", "penuh@example.id",
            "complaint.json", "keberatan@example.id",
            "malformed.json", "");

    private final TestStack stack = TestStack.shared();
    private final AccountsMailbox mailbox = new AccountsMailbox(stack);

    private JsonNode feedback(String fixture, String address) {
        return feedback(stack, fixture, address);
    }

    /**
     * The fixture, as bin/invoke would send it to the stack's MailFeedbackFunction, naming
     * {@code address} (in upper case, as SES may report it).
     */
    static JsonNode feedback(TestStack stack, String fixture, String address) {
        try {
            String event = Files.readString(stack.cloud().root().resolve("events/mail-feedback/" + fixture));
            String named = FIXTURE_ADDRESSES.get(fixture);
            if (!named.isEmpty()) {
                assertThat(event).contains(named);
                event = event.replace(named, address.toUpperCase(Locale.ROOT));
            }
            return Json.mapper().readTree(stack.cloud().function("MailFeedbackFunction").invokeJson(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, AttributeValue> suppressionItem(String address) {
        return stack.cloud().dynamo().getItem(b -> b.tableName(AccountsApiIT.ACCOUNTS_TABLE)
                .key(AccountsTable.suppressionKey(address)).consistentRead(true)).item();
    }

    private void register(String address) {
        assertThat(stack.post("/auth/register", "{\"email\":\"" + address
                + "\",\"password\":\"kopi-tubruk-2026\",\"name\":\"Sari\"}").status()).isEqualTo(202);
    }

    /** The delivery outcome of every outbox item of the address, once the sweeps have dealt with them all. */
    private List<String> deliveriesTo(String address, int expected) {
        List<String> ids = stack.cloud().dynamo().scanPaginator(b -> b.tableName(AccountsApiIT.ACCOUNTS_TABLE)
                        .filterExpression("recipient = :address")
                        .expressionAttributeValues(Map.of(":address", AttributeValue.fromS(address))))
                .items().stream().map(item -> item.get("pk").s()).toList();
        assertThat(ids).as("outbox items queued for " + address).hasSize(expected);
        AccountsMailbox.pollUntil(() -> {
            mailbox.sweep();
            return mailbox.pendingOutboxTo(address) == 0 ? true : null;
        }, "the outbox items of " + address + " dealt with");
        return ids.stream().map(pk -> stack.cloud().dynamo().getItem(b -> b.tableName(AccountsApiIT.ACCOUNTS_TABLE)
                        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("OUTBOX"))).consistentRead(true))
                .item().get("delivery").s()).toList();
    }

    @Test
    void aHardBouncedAddressGetsNoEmailThroughRegistrationOrResendWhileOthersDo() {
        String bounced = AccountsMailbox.uniqueAddress("bounced");
        String fine = AccountsMailbox.uniqueAddress("fine");

        JsonNode result = feedback("bounce-permanent.json", bounced);

        assertThat(result.path("hardBounceSuppressions").asInt()).isEqualTo(1);
        assertThat(suppressionItem(bounced)).containsEntry("reason", AttributeValue.fromS("HARD_BOUNCE"));
        register(bounced);
        register(fine);
        mailbox.forgetLimit("ACTIVATION_SEND", bounced);
        assertThat(stack.post("/auth/activation/resend", "{\"email\":\"" + bounced + "\"}").status()).isEqualTo(202);

        assertThat(deliveriesTo(bounced, 2)).containsOnly("SUPPRESSED");
        assertThat(mailbox.emailsTo(bounced)).isEmpty();
        assertThat(mailbox.awaitEmails(fine, 1)).hasSize(1);
    }

    @Test
    void aComplainingAddressGetsNoEmailAndTheSameNotificationAgainChangesNothing() {
        String complaining = AccountsMailbox.uniqueAddress("complaining");

        assertThat(feedback("complaint.json", complaining).path("complaintSuppressions").asInt()).isEqualTo(1);
        assertThat(feedback("complaint.json", complaining).path("complaintSuppressions").asInt())
                .as("SNS delivered it twice: already suppressed").isZero();
        register(complaining);

        assertThat(deliveriesTo(complaining, 1)).containsExactly("SUPPRESSED");
        assertThat(mailbox.emailsTo(complaining)).isEmpty();
        assertThat(suppressionItem(complaining)).containsEntry("reason", AttributeValue.fromS("COMPLAINT"));
    }

    @Test
    void theReaderSeesOnMeThatTheirAddressCannotReceiveMail() {
        String complaining = AccountsMailbox.uniqueAddress("me-complaining");
        String fine = AccountsMailbox.uniqueAddress("me-fine");
        feedback("complaint.json", complaining);
        register(complaining);
        register(fine);

        assertThat(me(complaining).path("emailDeliverable").isBoolean()).isTrue();
        assertThat(me(complaining).path("emailDeliverable").asBoolean()).isFalse();
        assertThat(me(fine).path("emailDeliverable").asBoolean()).isTrue();
    }

    private JsonNode me(String address) {
        TestStack.Response login = stack.post("/auth/login", "{\"email\":\"" + address + "\",\"password\":\"kopi-tubruk-2026\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        TestStack.Response me = stack.get("/me", "Authorization", "Bearer " + login.json().path("accessToken").asText());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        return me.json();
    }

    @Test
    void aSoftBounceSuppressesNothingAndAMalformedNotificationIsCountedNotThrown() {
        String full = AccountsMailbox.uniqueAddress("full");

        assertThat(feedback("bounce-transient.json", full).path("softBounces").asInt()).isEqualTo(1);
        assertThat(feedback("malformed.json", full).path("unreadable").asInt()).isEqualTo(1);
        assertThat(suppressionItem(full)).as("no suppression").isNullOrEmpty();
        register(full);

        assertThat(mailbox.awaitEmails(full, 1)).hasSize(1);
    }
}
