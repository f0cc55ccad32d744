package id.warta.accounts;

import id.warta.membership.AccountStore;
import id.warta.membership.ClientCeilings;

import id.warta.errors.RateLimited;
import id.warta.mail.MailKind;
import id.warta.mail.MailLanguage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static id.warta.accounts.AccountsFixture.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17, row 3, counted rather than timed: forgot and resend make the same store calls, in the
 * same order, for an address nobody registered as for a registered one in each of its states, so
 * their time cannot tell them apart (EqualTimingIT measures it over HTTP).
 */
class EqualWorkForEveryAddressTest {
    private static final String REGISTERED = "sari@example.id";
    private static final String UNKNOWN = "nobody@example.id";
    /** The client's hourly ceiling (checked, counted), the address's owner and account, its send limit, the link's writes. */
    private static final List<String> SENT_LINK = List.of("read", "read", "write", "read", "read", "write", "write", "write",
            "write");

    /** With the template's per-client limits on, which every request meets alike. */
    private final AccountsFixture f = new AccountsFixture(new ClientCeilings(20, 60));

    private List<String> callsOf(Runnable request) {
        f.storeCalls.take();
        request.run();
        return f.storeCalls.take();
    }

    private List<String> callsOfRefused(Runnable request) {
        f.storeCalls.take();
        assertThatThrownBy(request::run).isInstanceOf(RateLimited.class);
        return f.storeCalls.take();
    }

    private void assertSameWork(List<String> calls, List<String> unknownAddress) {
        assertThat(StoreCalls.kinds(calls)).as("%s against %s", calls, unknownAddress)
                .isEqualTo(StoreCalls.kinds(unknownAddress)).isEqualTo(SENT_LINK);
    }

    @Test
    void forgotMakesTheSameCallsForAnUnknownAddressAsForARegisteredOneWhetherSentOrSkipped() {
        f.service.register(REGISTERED, "kopi-tubruk-2026", "Sari", MailLanguage.ID, CLIENT);
        f.service.activate(f.lastMail(MailKind.ACTIVATION).token());

        List<String> sent = callsOf(() -> f.service.forgotPassword(REGISTERED, MailLanguage.ID, CLIENT));
        List<String> skipped = callsOf(() -> f.service.forgotPassword(REGISTERED, MailLanguage.ID, CLIENT));
        List<String> unknown = callsOf(() -> f.service.forgotPassword(UNKNOWN, MailLanguage.ID, CLIENT));

        assertThat(f.outbox).filteredOn(m -> m.kind() == MailKind.PASSWORD_RESET).hasSize(1);
        assertThat(sent).doesNotContain("AccountStore.standInRead", "AccountStore.standInWrite");
        assertThat(unknown).doesNotContain("AccountStore.addToken", "MailOutbox.enqueue", "AccountStore.promoteToken");
        assertSameWork(sent, unknown);
        assertSameWork(skipped, unknown);
    }

    @Test
    void resendMakesTheSameCallsForAnUnknownAddressAsForARegisteredOneInEveryState() {
        f.service.register(REGISTERED, "kopi-tubruk-2026", "Sari", MailLanguage.ID, CLIENT);
        f.clock.advance(Duration.ofMinutes(2));

        List<String> sent = callsOf(() -> f.service.resendActivation(REGISTERED, MailLanguage.ID, CLIENT));
        List<String> refused = callsOfRefused(() -> f.service.resendActivation(REGISTERED, MailLanguage.ID, CLIENT));
        f.service.activate(f.lastMail(MailKind.ACTIVATION).token());
        f.clock.advance(Duration.ofMinutes(2));
        List<String> activated = callsOf(() -> f.service.resendActivation(REGISTERED, MailLanguage.ID, CLIENT));
        List<String> unknown = callsOf(() -> f.service.resendActivation(UNKNOWN, MailLanguage.ID, CLIENT));

        assertThat(sent).doesNotContain("AccountStore.standInRead", "AccountStore.standInWrite");
        assertSameWork(sent, unknown);
        assertSameWork(refused, unknown);
        assertSameWork(activated, unknown);
    }
}
