package id.warta.membership;

import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.JMail;
import id.warta.errors.FieldProblems;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation and normalisation of what readers type: addresses, passwords, names.
 *
 * <p>An address is accepted only in the plain form that every mail system delivers to, which is
 * stricter than RFC 5322 allows (no display name, quoted local part, comment or IP literal):
 * <ul>
 *   <li>at most {@value #EMAIL_MAX} characters, a local part of at most {@value #LOCAL_PART_MAX} (and so a
 *       domain of at most 252, within RFC 1035's 253);</li>
 *   <li>the local part is a dot-atom: ASCII letters, digits and {@code !#$%&'*+/=?^_`{|}~-}, in atoms
 *       joined by single dots, so no empty atom ({@code a..b@}) and no leading or trailing dot
 *       ({@code .a@}, {@code a.@});</li>
 *   <li>the domain is two or more labels of letters, digits and hyphens, each 1 to 63 characters and
 *       neither starting nor ending with a hyphen ({@code a@-example.id} is refused), under a
 *       top-level label of two or more characters that is not all digits; an internationalised
 *       domain is written in its {@code xn--} form;</li>
 *   <li>therefore nothing outside printable ASCII anywhere: no control or format character (NUL,
 *       U+0085, U+2028, bidi marks), no whitespace inside. SES takes only ASCII local parts.</li>
 * </ul>
 * JMail parses the address and holds the domain to these rules; the local part is additionally
 * held to the dot-atom form, because JMail, following RFC 5322, also accepts quoted strings,
 * comments and control characters there, and the parsed address must be the whole input (JMail
 * also accepts a display name or angle brackets around it). Whitespace around it is dropped first.
 *
 * <p>A name is 1 to {@value #NAME_MAX} characters after trimming, with no control, format (bidi
 * embeddings, overrides and isolates, zero-width characters), separator, private-use or unassigned
 * code point: a name is shown to other people and put into emails, where such characters can
 * reorder or hide the text around them.
 */
public final class AccountInput {
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 128;
    public static final int NAME_MAX = 100;
    /** RFC 5321's longest forward path less its angle brackets; an address item's key stays far below DynamoDB's 2,048 bytes. */
    public static final int EMAIL_MAX = 254;
    /** RFC 5321's longest local part. */
    public static final int LOCAL_PART_MAX = 64;
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DOT_ATOM = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final EmailValidator ADDRESSES = JMail.strictValidator()
            .requireAscii()
            .disallowObsoleteWhitespace()
            .disallowSingleCharacterTopLevelDomains()
            .withRule(address -> address.localPart().length() <= LOCAL_PART_MAX
                    && DOT_ATOM.matcher(address.localPart()).matches());

    private final FieldProblems problems = new FieldProblems();

    /**
     * Addresses are compared case-insensitively: the stored and compared form is lower-cased, without
     * the whitespace a form may leave around it (anything else stays, to be refused, never removed).
     */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** A new or looked-up address that mail will be sent to: the rules in the class comment. */
    public String email(String raw) {
        String email = normalizeEmail(raw);
        if (email == null || email.isEmpty()) {
            problems.add("email", FieldProblems.REQUIRED);
        } else if (!isPlainAddress(email)) {
            problems.add("email", "alamat email tidak valid");
        }
        return email;
    }

    /** Valid, and nothing but the address: JMail also accepts "Name <a@b.id>" and "<a@b.id>" as addresses. */
    private static boolean isPlainAddress(String email) {
        return email.length() <= EMAIL_MAX && ADDRESSES.tryParse(email)
                .filter(address -> (address.localPart() + "@" + address.domain()).equals(email))
                .isPresent();
    }

    /**
     * The address of a sign-in: only present and of a possible length, so that an account stored
     * under older syntax rules can still sign in; no account can have a longer one.
     */
    public String signInEmail(String raw) {
        String email = normalizeEmail(raw);
        if (email == null || email.isEmpty()) {
            problems.add("email", FieldProblems.REQUIRED);
        } else if (email.length() > EMAIL_MAX) {
            problems.add("email", "maksimal " + EMAIL_MAX + " karakter");
        }
        return email;
    }

    public String password(String raw) {
        if (raw == null || raw.isEmpty()) {
            problems.add("password", FieldProblems.REQUIRED);
            return raw;
        }
        int length = raw.codePointCount(0, raw.length());
        if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
            problems.add("password", "harus " + PASSWORD_MIN + " sampai " + PASSWORD_MAX + " karakter");
        }
        return raw;
    }

    /** The password of a sign-in: present and no longer than any password can be set (nothing is hashed otherwise). */
    public String signInPassword(String raw) {
        if (raw == null || raw.isEmpty()) {
            problems.add("password", FieldProblems.REQUIRED);
        } else if (raw.codePointCount(0, raw.length()) > PASSWORD_MAX) {
            problems.add("password", "maksimal " + PASSWORD_MAX + " karakter");
        }
        return raw;
    }

    /** Account ids are random UUIDs; anything else names no account (and never becomes a key). */
    public static boolean isAccountId(String value) {
        return value != null && ACCOUNT_ID.matcher(value).matches();
    }

    public String name(String raw) {
        String name = raw == null ? null : raw.strip();
        if (name == null || name.isEmpty()) {
            problems.add("name", FieldProblems.REQUIRED);
        } else if (name.codePointCount(0, name.length()) > NAME_MAX || name.codePoints().anyMatch(AccountInput::hidesText)) {
            problems.add("name", "maksimal " + NAME_MAX + " karakter, tanpa karakter kontrol atau format");
        }
        return name;
    }

    /** Control, format (bidi, zero-width), line and paragraph separator, lone surrogate, private-use and unassigned code points. */
    private static boolean hidesText(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    /**
     * The name of an account the reader did not type one for (social sign-in): the first of the
     * provider's names that is a valid name (the ID token's, then one sent beside it), else the local
     * part of the address.
     */
    public static String displayName(String email, String... providerNames) {
        for (String providerName : providerNames) {
            AccountInput input = new AccountInput();
            String name = input.name(providerName);
            if (input.valid()) {
                return name;
            }
        }
        String localPart = email.substring(0, email.indexOf('@'));
        return localPart.codePointCount(0, localPart.length()) <= NAME_MAX ? localPart
                : localPart.substring(0, localPart.offsetByCodePoints(0, NAME_MAX));
    }

    /** True when no value checked so far has a problem. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** Throws {@link id.warta.errors.ValidationFailed} listing every bad field at once. */
    public void check() {
        problems.throwIfAny();
    }
}
