package id.warta.mail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MailLanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "NONE | ID",
            "'' | ID",
            "en | EN",
            "en-US,en;q=0.9,id;q=0.8 | EN",
            "id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7 | ID",
            "fr-FR,en;q=0.5 | ID",
            "id;q=0.4,en;q=0.6 | EN",
            "english | ID",
            "*;q=0.1,en;q=garbage | ID"
    })
    void englishOnlyWhenItIsTheMostPreferredLanguage(String header, MailLanguage expected) {
        assertThat(MailLanguage.preferredBy(Optional.ofNullable(header))).isEqualTo(expected);
    }
}
