package id.warta.mailer;

import id.warta.mail.MailKind;
import id.warta.mail.MailLanguage;
import id.warta.mail.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every template in both languages: subject, both parts, the link, and the name only in the greeting, escaped. */
class MailTemplatesTest {
    private static final String TOKEN = "1b4e28ba-2fa1-4d2b-883f-0016d3cca427.q0Zk3zO5bF1mPpY2Jc8xWn4vR7tHsLgDaE6uKiN9yTo";
    private static final String NAME = "Sari <script>alert(1)</script> & \"Co\"";

    private final MailTemplates templates = new MailTemplates("https://warta.example/", 3);

    private RenderedEmail render(MailKind kind, MailLanguage language) {
        return templates.render(new OutboxMessage(kind, language, "sari@example.id", NAME,
                kind == MailKind.ALREADY_REGISTERED ? null : TOKEN));
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void everyKindHasBothLanguagesWithBothPartsAndAnEscapedName(MailKind kind) {
        for (MailLanguage language : MailLanguage.values()) {
            RenderedEmail email = render(kind, language);

            assertThat(email.subject()).isNotBlank().doesNotContain("{{");
            String greeting = (language == MailLanguage.EN ? "Hello " : "Halo ") + GreetingName.of(NAME) + ",";
            assertThat(email.text()).startsWith(greeting + "\n").doesNotContain("{{").doesNotContain("<p>");
            assertThat(email.text().split("Sari", -1)).as("the name once, in the greeting").hasSize(2);
            assertThat(email.html()).startsWith("<!DOCTYPE html>").contains("lang=\"" + language.tag() + "\"")
                    .contains("<p>" + MailTemplates.escapeHtml(greeting) + "</p>")
                    .contains("Sari &lt;script&gt;alert(1)&lt;/ script&gt; &amp; &quot;Co&quot;")
                    .doesNotContain("<script>").doesNotContain("{{");
            assertThat(email.html().split("Sari", -1)).as("the name once, in the greeting").hasSize(2);
        }
    }

    @Test
    void theActivationEmailLinksToTheSiteActivationPage() {
        RenderedEmail indonesian = render(MailKind.ACTIVATION, MailLanguage.ID);
        RenderedEmail english = render(MailKind.ACTIVATION, MailLanguage.EN);
        String link = "https://warta.example/aktivasi?token=" + TOKEN;

        assertThat(indonesian.subject()).isEqualTo("Aktifkan akun Warta Anda");
        assertThat(indonesian.text()).contains(link, "berlaku 24 jam");
        assertThat(indonesian.html()).contains("href=\"" + link + "\"");
        assertThat(english.subject()).isEqualTo("Activate your Warta account");
        assertThat(english.text()).contains(link, "valid for 24 hours");
    }

    @Test
    void theActivationEmailSaysWhatActivatingGivesWithTheConfiguredNumberOfFreeArticles() {
        RenderedEmail indonesian = render(MailKind.ACTIVATION, MailLanguage.ID);
        RenderedEmail english = render(MailKind.ACTIVATION, MailLanguage.EN);

        assertThat(indonesian.text()).contains("3 artikel non-Laput", "koran dan majalah", "setiap bulan");
        assertThat(indonesian.html()).contains("3 artikel non-Laput", "koran dan majalah", "setiap bulan");
        assertThat(english.text()).contains("3 articles a month", "newspaper and magazine", "cover stories excepted");
        assertThat(english.html()).contains("3 articles a month", "newspaper and magazine", "cover stories excepted");
    }

    @Test
    void theResetEmailLinksToTheSiteResetPage() {
        String link = "https://warta.example/reset-password?token=" + TOKEN;

        assertThat(render(MailKind.PASSWORD_RESET, MailLanguage.ID).text()).contains(link, "berlaku 1 jam");
        assertThat(render(MailKind.PASSWORD_RESET, MailLanguage.EN).html()).contains("href=\"" + link + "\"", "valid for 1 hour");
    }

    @Test
    void aNameThatIsALinkOrAMessageArrivesInert() {
        RenderedEmail email = templates.render(new OutboxMessage(MailKind.ACTIVATION, MailLanguage.ID, "sari@example.id",
                "Kunjungi https://evil.example/hadiah\u202E sekarang juga, hadiah menanti Anda", TOKEN));

        assertThat(email.text()).startsWith("Halo Kunjungi https: / / evil. example/ hadia…,\n")
                .doesNotContain("evil.example").doesNotContain("\u202E");
        assertThat(email.html()).doesNotContain("evil.example").doesNotContain("hadiah menanti");
    }

    @Test
    void withoutAPrintableNameTheGreetingAddressesTheReader() {
        assertThat(templates.render(new OutboxMessage(MailKind.ACTIVATION, MailLanguage.ID, "sari@example.id", "\u202E\u200B", TOKEN))
                .text()).startsWith("Halo Pembaca Warta,\n");
        assertThat(templates.render(new OutboxMessage(MailKind.PASSWORD_RESET, MailLanguage.EN, "sari@example.id", " ", TOKEN))
                .text()).startsWith("Hello Warta reader,\n");
    }

    @Test
    void theAlreadyRegisteredEmailCarriesNoToken() {
        RenderedEmail email = render(MailKind.ALREADY_REGISTERED, MailLanguage.ID);

        assertThat(email.subject()).isEqualTo("Anda sudah memiliki akun Warta");
        assertThat(email.text()).contains("https://warta.example").doesNotContain("token=");
    }
}
