package id.warta.membership;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented address and name rules of {@link AccountInput}, one case per row. */
class AccountInputTest {
    private static final String LABEL_63 = "d".repeat(63);
    /** 254 characters: a 64-character local part and three labels. */
    private static final String LONGEST = "l".repeat(64) + "@" + LABEL_63 + "." + LABEL_63 + "." + "e".repeat(61);

    private static boolean acceptsEmail(String email) {
        AccountInput input = new AccountInput();
        input.email(email);
        return input.valid();
    }

    private static boolean acceptsName(String name) {
        AccountInput input = new AccountInput();
        input.name(name);
        return input.valid();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sari@example.id",
            "sari.wulandari@contoh.id",
            "  Sari.Wulandari@Contoh.ID  ",
            "a+berita@gmail.com",
            "o'brien@example.id",
            "user_name-1@sub.example.co.id",
            "!#$%&'*+/=?^_`{|}~-@example.id",
            "a@xn--bcher-kva.example",
            "a@123.id",
            "a@b.xn--p1ai"})
    void acceptsPlainDeliverableAddresses(String email) {
        assertThat(acceptsEmail(email)).as(email).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // control and format characters
            "x\u0000@example.id", "x@exam\u0000ple.id", "x\u0085@example.id", "x\u2028y@example.id", "x\u2029@example.id",
            "\u200ea@example.id", "a\u202e@example.id", "a\u2066b\u2069@example.id", "a\u200b@example.id",
            "a\u0001b@example.id", "a\u007fb@example.id", "a\tb@example.id", "a b@example.id",
            // local part: empty atoms, dots at either end, quoted strings, comments, non-ASCII
            "a..b@example.id", ".a@example.id", "a.@example.id", "\"a b\"@example.id", "\"\"@example.id",
            "(komentar)a@example.id", "a(komentar)@example.id", "ñ@example.id", "@example.id",
            // domain: hyphens at label ends, empty labels, no or bad top-level label, IP literals, non-ASCII
            "a@-example.id", "a@example-.id", "a@exa..mple.id", "a@.example.id", "a@example.id.", "a@ex_ample.id",
            "a@localhost", "a@example.c", "a@example.123", "a@[192.0.2.1]", "a@bücher.example", "a@",
            // shape
            "plain", "first@last@example.id", "Nama <a@example.id>", "<a@example.id>", "a@example.id (kantor)"})
    void refusesEverythingElse(String email) {
        assertThat(acceptsEmail(email)).as(email.replaceAll("\\p{C}", "?")).isFalse();
    }

    @Test
    void theLengthLimitsAre64ForTheLocalPart63ForALabelAnd254InAll() {
        assertThat(LONGEST).hasSize(AccountInput.EMAIL_MAX);
        assertThat(acceptsEmail(LONGEST)).isTrue();
        assertThat(acceptsEmail("l" + LONGEST)).as("255 characters").isFalse();
        assertThat(acceptsEmail("l".repeat(64) + "@example.id")).isTrue();
        assertThat(acceptsEmail("l".repeat(65) + "@example.id")).isFalse();
        assertThat(acceptsEmail("a@" + LABEL_63 + ".id")).isTrue();
        assertThat(acceptsEmail("a@" + LABEL_63 + "d.id")).isFalse();
        assertThat(acceptsEmail("a".repeat(2_089) + "@example.id")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sari Wulandari", "Dewi-Ayu O'Neil", "Ni Luh Putu Ayu", "张伟", "محمد علي", "Ana 😀"})
    void acceptsNamesInAnyScript(String name) {
        assertThat(acceptsName(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u202eevil", "Sari\u200f", "a\u2066b\u2069", "a\u202ab\u202c", "a\u061cb", "a\u200bb", "a\u00adb",
            "a\u0000b", "a\u0085b", "a\u2028b", "a\u2029b", "a\nb", "a\uE000b", "a\uD800b", "a\u0378b", "   "})
    void refusesNamesWithControlFormatSeparatorOrUnassignedCharacters(String name) {
        assertThat(acceptsName(name)).as(name.replaceAll("\\p{C}", "?")).isFalse();
    }

    @Test
    void aNameHasAtMostAHundredCharacters() {
        assertThat(acceptsName("n".repeat(AccountInput.NAME_MAX))).isTrue();
        assertThat(acceptsName("n".repeat(AccountInput.NAME_MAX + 1))).isFalse();
    }
}
