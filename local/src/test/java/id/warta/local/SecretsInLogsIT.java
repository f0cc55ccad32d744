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
 * login, forgot, reset email, reset, login again, /me, a remembered session refreshed, replayed,
 * signed out and signed out everywhere — holds no password, no token, no session credential (cookie
 * value) and no address.
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
        String credential;
        String rotatedCredential;
        String refreshedAccessToken;
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
            credential = sessionCredential(stack.post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\""
                    + newPassword + "\",\"remember\":true}"));
            TestStack.Response refreshed = refresh(credential);
            rotatedCredential = sessionCredential(refreshed);
            refreshedAccessToken = refreshed.json().path("accessToken").asText();
            assertThat(sessionCredential(refresh(credential))).as("a second tab, within the grace window").isEqualTo(rotatedCredential);
            assertThat(stack.post("/auth/logout", null, "Cookie", "warta_session=" + rotatedCredential).status()).isEqualTo(204);
            assertThat(stack.post("/auth/logout-all", null, "Authorization", "Bearer " + refreshedAccessToken,
                    "Cookie", "warta_session=" + rotatedCredential).status()).isEqualTo(204);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs.lines().filter(l -> l.contains("\"function\":\"accounts\""))).hasSizeGreaterThanOrEqualTo(8);
        assertThat(logs.lines().filter(l -> l.contains("\"function\":\"activation-mailer\""))).isNotEmpty();
        String localPart = email.substring(0, email.indexOf('@'));
        for (String secret : List.of(email, localPart, password, newPassword, activationToken, resetToken, accessToken,
                secondAccessToken, activationToken.substring(activationToken.indexOf('.') + 1), credential,
                credential.substring(credential.lastIndexOf('.') + 1), rotatedCredential,
                rotatedCredential.substring(rotatedCredential.lastIndexOf('.') + 1), refreshedAccessToken)) {
            assertThat(logs).as("logs must not contain a secret").doesNotContain(secret);
        }
    }

    private TestStack.Response refresh(String credential) {
        return stack.post("/auth/refresh", null, "Cookie", "warta_session=" + credential);
    }

    /** The credential a sign-in or refresh set in the session cookie. */
    private static String sessionCredential(TestStack.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String setCookie = response.header("Set-Cookie");
        return setCookie.substring("warta_session=".length(), setCookie.indexOf(';'));
    }

    private String login(String email, String password) {
        TestStack.Response login = stack.post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(login.status()).isEqualTo(200);
        JsonNode body = login.json();
        return body.path("accessToken").asText();
    }
}
