package id.warta.mailer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The name in an email's greeting: a name, never a link, a message or a control character. */
class GreetingNameTest {
    /** What mail clients link: a scheme, www., an address, or a host name ending in a top-level domain. */
    private static final Pattern LINKABLE = Pattern.compile(
            "(?i)([a-z][a-z0-9+.-]*:/)|(www\\.\\S)|(\\S@\\S)|([\\p{L}\\p{N}-]\\.[\\p{L}]{2,})");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Sari Dewi|Sari Dewi",
            "  Budi   Santoso |Budi Santoso",
            "Dr.Sari|Dr. Sari",
            "J.R.R. Tolkien|J. R. R. Tolkien",
            "Siti Nur'aini|Siti Nur'aini",
            "José Ñúñez|José Ñúñez"})
    void anOrdinaryNameReadsAsTyped(String typed, String shown) {
        assertThat(GreetingName.of(typed)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Kunjungi https://evil.example/hadiah sekarang",
            "www.evil.example",
            "evil.example",
            "hadiah@evil.example",
            "ｅｖｉｌ．ｅｘａｍｐｌｅ",
            "evil\u3002example",
            "evil\u200B.example",
            "HTTPS://EVIL.EXAMPLE"})
    void urlLikeTextCannotBeLinked(String typed) {
        String shown = GreetingName.of(typed);

        assertThat(shown).isNotEmpty();
        assertThat(LINKABLE.matcher(shown).find()).as(shown).isFalse();
    }

    @Test
    void bidiControlsZeroWidthAndControlCharactersAreRemoved() {
        assertThat(GreetingName.of("Sari\u202Eatnarakaj\u202C")).isEqualTo("Sariatnarakaj");
        assertThat(GreetingName.of("\u2066Sari\u2069 \u200DDewi\u200F")).isEqualTo("Sari Dewi");
        assertThat(GreetingName.of("Sari\r\nBcc: lain\u0000\u0085\u2028")).isEqualTo("Sari Bcc: lain");
        assertThat(GreetingName.of("\uD800Sari\uE000")).isEqualTo("Sari");
    }

    @Test
    void aLongNameIsCutToASafeLength() {
        String shown = GreetingName.of("Pembaca ".repeat(20) + "😀".repeat(50));

        assertThat(shown.codePointCount(0, shown.length())).isLessThanOrEqualTo(GreetingName.MAX_CODE_POINTS + 1);
        assertThat(shown).endsWith("…");
        assertThat(GreetingName.of("😀".repeat(60))).isEqualTo("😀".repeat(GreetingName.MAX_CODE_POINTS) + "…");
    }

    @Test
    void nothingPrintableLeavesNothing() {
        assertThat(GreetingName.of("\u202E\u200B \t")).isEmpty();
        assertThat(GreetingName.of(null)).isEmpty();
    }
}
