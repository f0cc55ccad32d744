package id.warta.local;

import id.warta.content.AccessLevel;
import id.warta.content.Article;
import id.warta.testing.EmfRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API functions' business metrics as the local stack's functions write them to their logs: one
 * reader's way through the paywall and the accounts — registration, activation, a password sign-in,
 * a refresh, a metered read, unlocks until the quota is spent, and a rate-limited request — reported
 * as the EMF lines CloudWatch would turn into ArticleReads, Unlocks, Registrations, Activations,
 * SignIns and RateLimited, none of which names an address, a token or an article.
 */
class ApiMetricsIT {
    private static final Set<String> API_FUNCTIONS = Set.of("articles", "views", "accounts");

    private final TestStack stack = TestStack.shared();
    private final AccountsMailbox mailbox = new AccountsMailbox(stack);
    private final PaywallReaders readers = new PaywallReaders(stack);

    @Test
    void aReadersWayThroughAccountsAndPaywallIsReportedMetricByMetricWithoutPersonalData() {
        String email = AccountsMailbox.uniqueAddress("metrik");
        String password = "kata-sandi-metrik-1";
        int limit = readers.freeArticlesPerMonth();
        List<Article> metered = stack.seeded().articles().stream()
                .filter(a -> a.summary().accessLevel() == AccessLevel.METERED).toList().subList(0, limit + 1);

        List<String> secrets = new ArrayList<>(List.of(email, email.substring(0, email.indexOf('@')), password));
        List<String> lines = captured(() -> {
            assertThat(stack.post("/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + password
                    + "\",\"name\":\"Sari Metrik\"}").status()).isEqualTo(202);
            mailbox.sweep();
            String activation = AccountsMailbox.token(mailbox.awaitEmails(email, 1).getLast());
            assertThat(stack.post("/auth/activate", "{\"token\":\"" + activation + "\"}").status()).isEqualTo(200);
            TestStack.Response login = stack.post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\""
                    + password + "\",\"remember\":true}");
            assertThat(login.status()).isEqualTo(200);
            String credential = sessionCredential(login);
            TestStack.Response refreshed = stack.post("/auth/refresh", null, "Cookie", "warta_session=" + credential);
            assertThat(refreshed.status()).isEqualTo(200);
            String bearer = "Bearer " + refreshed.json().path("accessToken").asText();
            Collections.addAll(secrets, activation, login.json().path("accessToken").asText(), credential,
                    sessionCredential(refreshed), refreshed.json().path("accessToken").asText());

            assertThat(stack.get("/articles/" + metered.getFirst().slug(), "Authorization", bearer).json()
                    .path("access").path("granted").asBoolean()).as("a metered read before any unlock").isFalse();
            for (Article article : metered) {
                TestStack.Response view = stack.post("/articles/" + article.slug() + "/views", "{}", "Authorization", bearer);
                assertThat(view.status()).isEqualTo(200);
            }
            // A second activation email within a minute is refused (the registration sent the first; should
            // the flow have taken longer than that, this resend sends one and the next is refused).
            String resend = "{\"email\":\"" + email + "\"}";
            if (stack.post("/auth/activation/resend", resend).status() != 429) {
                assertThat(stack.post("/auth/activation/resend", resend).status()).isEqualTo(429);
            }
        });

        List<String> apiLines = lines.stream().filter(ApiMetricsIT::fromAnApiFunction).toList();
        List<String> expected = new ArrayList<>(List.of("Registrations=1", "Activations=1", "SignIns=1 Method=Password",
                "SignIns=1 Method=Refresh", "ArticleReads=1 AccessLevel=METERED Reason=UNLOCKABLE"));
        for (int i = 0; i < limit; i++) {
            expected.add("Unlocks=1 Outcome=GRANTED");
        }
        expected.add("Unlocks=1 Outcome=QUOTA_EXHAUSTED");
        expected.add("RateLimited=1 Route=POST /auth/activation/resend");
        List<EmfRecord> records = EmfRecord.in(apiLines);
        assertThat(records).extracting(EmfRecord::summary).containsExactlyElementsOf(expected);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.namespace()).isEqualTo("Warta");
            assertThat(record.dimensions()).containsKey("Stack");
        });

        List<String> metricLines = lines.stream().filter(EmfRecord::isEmf).toList();
        metered.forEach(article -> secrets.add(article.slug()));
        for (String line : metricLines) {
            assertThat(line).as("a metric line").doesNotContain(secrets.toArray(String[]::new)).doesNotContain("@");
        }
    }

    private static boolean fromAnApiFunction(String line) {
        return API_FUNCTIONS.stream().anyMatch(function -> line.contains("\"function\":\"" + function + "\""));
    }

    /** Every line the local functions print while the flow runs (they run in this JVM). */
    private static List<String> captured(Runnable flow) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            flow.run();
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The credential a sign-in or refresh set in the session cookie. */
    private static String sessionCredential(TestStack.Response response) {
        String setCookie = response.header("Set-Cookie");
        return setCookie.substring("warta_session=".length(), setCookie.indexOf(';'));
    }
}
