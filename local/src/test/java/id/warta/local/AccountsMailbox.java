package id.warta.local;

import id.warta.ratelimit.RateLimit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.warta.membership.OneTimeTokens;
import id.warta.dynamo.DynamoMailOutbox;
import id.warta.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail side of the account ITs: runs the mailer's real handler on the schedule fixture (no
 * waiting for a scheduler) and reads what the SES emulator received.
 */
public final class AccountsMailbox {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9._~-]+)");

    private final TestStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public AccountsMailbox(TestStack stack) {
        this.stack = stack;
    }

    public static String uniqueAddress(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.id";
    }

    /** One run of the mailer's schedule-triggered sweep; its result ({"sent", "retrying", ...}). */
    JsonNode sweep() {
        return invokeMailer(fixture("sweep-schedule.json"));
    }

    /**
     * One run of the mailer on a stream batch naming exactly these outbox items (the fixture's INSERT
     * record, once per id): it leaves every other pending item alone.
     */
    JsonNode deliver(List<String> outboxIds) {
        try {
            ObjectNode event = (ObjectNode) Json.mapper().readTree(fixture("stream-new-outbox.json"));
            JsonNode template = event.path("Records").get(0);
            ArrayNode records = event.putArray("Records");
            for (String id : outboxIds) {
                ObjectNode record = template.deepCopy();
                ((ObjectNode) record.path("dynamodb").path("Keys").path("pk")).put("S", "OUTBOX#" + id);
                ((ObjectNode) record.path("dynamodb").path("NewImage").path("pk")).put("S", "OUTBOX#" + id);
                records.add(record);
            }
            return invokeMailer(Json.mapper().writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fixture(String name) {
        try {
            return Files.readString(stack.cloud().root().resolve("events/activation-mailer/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode invokeMailer(String event) {
        try {
            return Json.mapper().readTree(stack.cloud().function("ActivationMailerFunction").invokeJson(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lets "an hour pass" for one of the address's send limits (ACTIVATION_SEND, RESET_SEND,
     * LOGIN_FAILURE) by deleting its counter item.
     */
    public void forgetLimit(String limit, String email) {
        stack.cloud().dynamo().deleteItem(b -> b.tableName(AccountsApiIT.ACCOUNTS_TABLE).key(Map.of(
                "pk", AttributeValue.fromS(limitKey(limit, email)), "sk", AttributeValue.fromS("RATE"))));
    }

    /** The partition key of one of the address's rate-limit counters: its subject hashed under the stack's server key. */
    String limitKey(String limit, String email) {
        return "RATE#" + limit + "#" + RateLimit.subjectHashes(stack.cloud().serverKey()).hex(email);
    }

    /** How many outbox items wait to be sent, per recipient (one scan: the pending index holds keys only). */
    Map<String, Long> pendingOutboxByRecipient() {
        return stack.cloud().dynamo().scanPaginator(b -> b.tableName(AccountsApiIT.ACCOUNTS_TABLE)
                        .filterExpression(DynamoMailOutbox.STATE + " = :pending")
                        .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS(DynamoMailOutbox.PENDING))))
                .items().stream()
                .collect(Collectors.groupingBy(item -> item.get(DynamoMailOutbox.RECIPIENT).s(), Collectors.counting()));
    }

    /** How many outbox items wait to be sent to the address. */
    long pendingOutboxTo(String address) {
        return pendingOutboxByRecipient().getOrDefault(address, 0L);
    }

    /** Every email the SES emulator holds for the address, oldest first. */
    List<JsonNode> emailsTo(String address) {
        return emailsByRecipient().getOrDefault(address.toLowerCase(Locale.ROOT), List.of());
    }

    /** Every email the SES emulator holds, by lower-cased recipient, oldest first. */
    Map<String, List<JsonNode>> emailsByRecipient() {
        Map<String, List<JsonNode>> emails = new HashMap<>();
        for (JsonNode email : allEmails()) {
            email.path("destination").path("to").forEach(to ->
                    emails.computeIfAbsent(to.asText().toLowerCase(Locale.ROOT), address -> new ArrayList<>()).add(email));
        }
        return emails;
    }

    /** Every email the SES emulator has received since it (re)started. */
    List<JsonNode> allEmails() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.cloud().emulators().mailbox() + "/store"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            JsonNode store = Json.mapper().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            List<JsonNode> emails = new ArrayList<>();
            store.path("emails").forEach(emails::add);
            return emails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sweeps until the address has {@code count} emails (or fails at the deadline); returns them. */
    List<JsonNode> awaitEmails(String address, int count) {
        return pollUntil(() -> {
            sweep();
            List<JsonNode> emails = emailsTo(address);
            return emails.size() >= count ? emails : null;
        }, "expected " + count + " email(s) to " + address);
    }

    public JsonNode awaitLatestEmail(String address, int countSoFar) {
        return awaitEmails(address, countSoFar).get(countSoFar - 1);
    }

    public static String token(JsonNode email) {
        return tokenIfAny(email).orElseThrow(() -> new AssertionError("No token link in " + email.path("subject").asText()));
    }

    static Optional<String> tokenIfAny(JsonNode email) {
        Matcher matcher = TOKEN.matcher(email.path("body").path("text").asText());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Polls (briefly pausing between attempts) until the supplier answers non-null, failing at the deadline. */
    static <T> T pollUntil(Supplier<T> attempt, String what) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            T result = attempt.get();
            if (result != null) {
                return result;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out: " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting: " + what, e);
            }
        }
    }
}
