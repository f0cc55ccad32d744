package id.warta.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import id.warta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages that email links open, served by the site function on the local site server and run with their real scripts
 * (in Node, with a DOM made of the page's own elements; local/src/test/node/site-page.mjs) as a
 * browser, or a mail scanner that executes scripts, would run them: the link's token is used only
 * when the reader acts on the page, never when it loads.
 */
class SitePagesIT {
    private static final String PASSWORD = "kopi-tubruk-2026";

    private final TestStack stack = TestStack.shared();
    private final AccountsMailbox mailbox = new AccountsMailbox(stack);

    private static String json(Map<String, ?> body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the page, then takes the steps (click:id, fill:id=value, submit:id); what the script requested after each. */
    private JsonNode open(String pathAndQuery, String... steps) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node",
                ProjectRoot.find().resolve("local/src/test/node/site-page.mjs").toString(),
                stack.site().resolve(pathAndQuery).toString()));
        command.addAll(List.of(steps));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("the page run finished").isTrue();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(output).isZero();
        return Json.mapper().readTree(output);
    }

    private String registered() {
        String email = AccountsMailbox.uniqueAddress("halaman");
        assertThat(stack.post("/auth/register", json(Map.of("email", email, "password", PASSWORD, "name", "Sari"))).status())
                .isEqualTo(202);
        return email;
    }

    private boolean activated(String email, String password) {
        TestStack.Response login = stack.post("/auth/login", json(Map.of("email", email, "password", password)));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return stack.get("/me", "Authorization", "Bearer " + login.json().path("accessToken").asText())
                .json().path("activated").asBoolean();
    }

    @Test
    void theActivationPageUsesTheTokenOnlyWhenTheReaderPressesAktifkanAkun() throws Exception {
        String email = registered();
        String token = AccountsMailbox.token(mailbox.awaitLatestEmail(email, 1));

        JsonNode loadedOnly = open("/aktivasi?token=" + token);

        assertThat(loadedOnly.path("afterLoad").path("requests")).as("nothing is sent when the page loads").isEmpty();
        assertThat(activated(email, PASSWORD)).isFalse();

        JsonNode pressed = open("/aktivasi?token=" + token, "click:activate");

        assertThat(pressed.path("afterLoad").path("requests")).isEmpty();
        assertThat(pressed.path("afterSteps").path("requests")).extracting(JsonNode::asText).containsExactly("POST /auth/activate");
        assertThat(pressed.path("afterSteps").path("status").asText()).contains("sudah aktif");
        assertThat(activated(email, PASSWORD)).isTrue();
    }

    @Test
    void theResetPageUsesTheTokenOnlyWithTheNewPasswordTheReaderSubmits() throws Exception {
        String email = registered();
        assertThat(stack.post("/auth/password/forgot", json(Map.of("email", email))).status()).isEqualTo(202);
        String token = AccountsMailbox.token(mailbox.awaitLatestEmail(email, 2));
        String newPassword = "teh-tarik-2027";

        JsonNode loadedOnly = open("/reset-password?token=" + token);
        JsonNode submitted = open("/reset-password?token=" + token,
                "fill:password=" + newPassword, "fill:confirmation=" + newPassword, "submit:reset");

        assertThat(loadedOnly.path("afterLoad").path("requests")).isEmpty();
        assertThat(submitted.path("afterLoad").path("requests")).isEmpty();
        assertThat(submitted.path("afterSteps").path("requests")).extracting(JsonNode::asText)
                .containsExactly("POST /auth/password/reset");
        assertThat(submitted.path("afterSteps").path("status").asText()).contains("sudah diganti");
        assertThat(stack.post("/auth/login", json(Map.of("email", email, "password", newPassword))).status()).isEqualTo(200);
    }
}
