package id.warta.accounts;

import id.warta.errors.FieldProblems;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validation and normalisation of what readers type: addresses, passwords, names. */
public final class AccountInput {
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 128;
    public static final int NAME_MAX = 100;
    private static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@\"<>()\\[\\],;:\\\\]+@[^\\s@\"<>()\\[\\],;:\\\\]+\\.[^\\s@\"<>()\\[\\],;:\\\\.]{2,}");

    private final FieldProblems problems = new FieldProblems();

    /** Addresses are compared case-insensitively: the stored and compared form is trimmed and lower-cased. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public String email(String raw) {
        String email = normalizeEmail(raw);
        if (email == null || email.isEmpty()) {
            problems.add("email", FieldProblems.REQUIRED);
        } else if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            problems.add("email", "alamat email tidak valid");
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

    public String name(String raw) {
        String name = raw == null ? null : raw.strip();
        if (name == null || name.isEmpty()) {
            problems.add("name", FieldProblems.REQUIRED);
        } else if (name.codePointCount(0, name.length()) > NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
            problems.add("name", "maksimal " + NAME_MAX + " karakter, tanpa karakter kontrol");
        }
        return name;
    }

    /**
     * The name of an account the reader did not type one for (social sign-in): the provider's, when
     * it is a valid name, else the local part of the address.
     */
    public static String displayName(String providerName, String email) {
        AccountInput input = new AccountInput();
        String name = input.name(providerName);
        if (input.valid()) {
            return name;
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
