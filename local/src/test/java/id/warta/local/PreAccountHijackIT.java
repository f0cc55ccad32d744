package id.warta.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, row 2, the exact sequence over HTTP: an attacker registers the owner's address with his
 * own password and signs in; a minute later the owner registers it with hers and activates the
 * newest link. The account is then the owner's: her password and name, the attacker's password
 * refused and his earlier access token 401.
 */
class PreAccountHijackIT {
    private static final String ATTACKER_PASSWORD = "mallory-was-here-1";
    private static final String OWNER_PASSWORD = "kopi-tubruk-2026";

    private final TestStack stack = TestStack.shared();
    private final AccountsMailbox mailbox = new AccountsMailbox(stack);

    private TestStack.Response register(String email, String password, String name) {
        return stack.post("/auth/register", AccountRequests.json(Map.of("email", email, "password", password, "name", name)));
    }

    private TestStack.Response login(String email, String password) {
        return stack.post("/auth/login", AccountRequests.json(Map.of("email", email, "password", password)));
    }

    private TestStack.Response me(String accessToken) {
        return stack.get("/me", "Authorization", "Bearer " + accessToken);
    }

    @Test
    void theOwnersActivationLeavesTheFirstRegistrantNeitherPasswordNameNorToken() {
        String email = AccountsMailbox.uniqueAddress("hijack");
        assertThat(register(email, ATTACKER_PASSWORD, "Mallory").status()).isEqualTo(202);
        TestStack.Response attackerLogin = login(email, ATTACKER_PASSWORD);
        assertThat(attackerLogin.status()).as(attackerLogin.body()).isEqualTo(200);
        String attackerToken = attackerLogin.json().path("accessToken").asText();
        assertThat(me(attackerToken).status()).isEqualTo(200);

        // "A minute later": the minute of the address's activation send limit has passed.
        mailbox.forgetLimit("ACTIVATION_SEND", email);
        assertThat(register(email, OWNER_PASSWORD, "Sari Dewi").status()).isEqualTo(202);
        List<JsonNode> emails = mailbox.awaitEmails(email, 2);
        JsonNode newest = emails.getLast();
        assertThat(newest.path("body").path("text").asText()).contains("Halo Sari Dewi");
        assertThat(stack.post("/auth/activate", AccountRequests.json(Map.of("token", AccountsMailbox.token(newest))))
                .status()).isEqualTo(200);

        TestStack.Response ownerLogin = login(email, OWNER_PASSWORD);
        assertThat(ownerLogin.status()).as(ownerLogin.body()).isEqualTo(200);
        assertThat(login(email, ATTACKER_PASSWORD).status()).isEqualTo(401);
        TestStack.Response attackersOldToken = me(attackerToken);
        assertThat(attackersOldToken.status()).isEqualTo(401);
        assertThat(attackersOldToken.errorCode()).isEqualTo("UNAUTHORIZED");
        JsonNode profile = me(ownerLogin.json().path("accessToken").asText()).json();
        assertThat(profile.path("name").asText()).isEqualTo("Sari Dewi");
        assertThat(profile.path("activated").asBoolean()).isTrue();
    }
}
