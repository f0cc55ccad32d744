package id.warta.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.warta.json.Json;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The account routes as a reader's browser calls them, on one stack. */
final class AccountRequests {
    static final String PASSWORD = "kopi-tubruk-2026";

    private final TestStack stack;
    private final AccountsMailbox mailbox;

    AccountRequests(TestStack stack) {
        this.stack = stack;
        this.mailbox = new AccountsMailbox(stack);
    }

    /** Registers a fresh address and activates it with the link from its email; returns the address. */
    String activatedAccount(String prefix) {
        String email = AccountsMailbox.uniqueAddress(prefix);
        assertThat(register(email).status()).isEqualTo(202);
        assertThat(activate(AccountsMailbox.token(mailbox.awaitLatestEmail(email, 1))).status()).isEqualTo(200);
        return email;
    }

    TestStack.Response register(String email) {
        return stack.post("/auth/register", json(Map.of("email", email, "password", PASSWORD, "name", "Sari Dewi")));
    }

    TestStack.Response resend(String email) {
        return stack.post("/auth/activation/resend", json(Map.of("email", email)));
    }

    TestStack.Response activate(String token) {
        return stack.post("/auth/activate", json(Map.of("token", token)));
    }

    TestStack.Response login(String email, String password) {
        return stack.post("/auth/login", json(Map.of("email", email, "password", password)));
    }

    TestStack.Response forgot(String email) {
        return stack.post("/auth/password/forgot", json(Map.of("email", email)));
    }

    TestStack.Response reset(String token, String password) {
        return stack.post("/auth/password/reset", json(Map.of("token", token, "password", password)));
    }

    static String json(Map<String, ?> body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
