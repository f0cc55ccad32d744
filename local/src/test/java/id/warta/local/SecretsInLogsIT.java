package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the functions print during a whole account life — register, activation email, activate,
 * login, forgot, reset email, reset, login again, /me — holds no password, no token and no address.
 */
class SecretsInLogsIT {
    private final TestStack stack = TestStack.shared();
    private final AccountsMailbox mailbox = new AccountsMailbox(stack);

    @Test
    void aFullAccountFlowLogsNoSecretAndNoEmailAddress() {
        String email = AccountsMailbox.uniqueAddress("rahasia");
        String password = "kata-sandi-yang-rahasia-1";
        String newPassword = "kata-sandi-yang-baru-2";

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
        String activationToken;
        String resetToken;
        String accessToken;
        String secondAccessToken;
        try {
            assertThat(stack.post("/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + password
                    + "\",\"name\":\"Sari Rahasia\"}").status()).isEqualTo(202);
            mailbox.sweep();
            activationToken = AccountsMailbox.token(mailbox.awaitEmails(email, 1).getLast());
            assertThat(stack.post("/auth/activate", "{\"token\":\"" + activationToken + "\"}").status()).isEqualTo(200);
            accessToken = login(email, password);
            assertThat(stack.post("/auth/password/forgot", "{\"email\":\"" + email + "\"}").status()).isEqualTo(202);
            mailbox.sweep();
            resetToken = AccountsMailbox.token(mailbox.awaitEmails(email, 2).getLast());
            assertThat(stack.post("/auth/password/reset", "{\"token\":\"" + resetToken + "\",\"password\":\""
                    + newPassword + "\"}").status()).isEqualTo(204);
            assertThat(stack.get("/me", "Authorization", "Bearer " + accessToken).status()).isEqualTo(401);
            secondAccessToken = login(email, newPassword);
            assertThat(stack.get("/me", "Authorization", "Bearer " + secondAccessToken).status()).isEqualTo(200);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs.lines().filter(l -> l.contains("\"function\":\"accounts\""))).hasSizeGreaterThanOrEqualTo(8);
        assertThat(logs.lines().filter(l -> l.contains("\"function\":\"activation-mailer\""))).isNotEmpty();
        String localPart = email.substring(0, email.indexOf('@'));
        for (String secret : List.of(email, localPart, password, newPassword, activationToken, resetToken, accessToken,
                secondAccessToken, activationToken.substring(activationToken.indexOf('.') + 1))) {
            assertThat(logs).as("logs must not contain a secret").doesNotContain(secret);
        }
    }

    private String login(String email, String password) {
        TestStack.Response login = stack.post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(login.status()).isEqualTo(200);
        JsonNode body = login.json();
        return body.path("accessToken").asText();
    }
}
