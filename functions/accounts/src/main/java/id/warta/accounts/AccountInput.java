package id.warta.accounts;

import id.warta.http.ApiException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Validation and normalisation of what readers type: addresses, passwords, names. */
public final class AccountInput {
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 128;
    public static final int NAME_MAX = 100;
    /** RFC 5321's longest forward path less its angle brackets; an address item's key stays far below DynamoDB's 2,048 bytes. */
    public static final int EMAIL_MAX = 254;
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@\"<>()\\[\\],;:\\\\]+@[^\\s@\"<>()\\[\\],;:\\\\]+\\.[^\\s@\"<>()\\[\\],;:\\\\.]{2,}");

    private final Map<String, String> problems = new LinkedHashMap<>();

    /** Addresses are compared case-insensitively: the stored and compared form is trimmed and lower-cased. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public String email(String raw) {
        String email = normalizeEmail(raw);
        if (email == null || email.isEmpty()) {
            problems.put("email", "wajib diisi");
        } else if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            problems.put("email", "alamat email tidak valid");
        }
        return email;
    }

    /**
     * The address of a sign-in: only present and of a possible length, so that an account stored
     * under older syntax rules can still sign in; no account can have a longer one.
     */
    public String signInEmail(String raw) {
        String email = normalizeEmail(raw);
        if (email == null || email.isEmpty()) {
            problems.put("email", "wajib diisi");
        } else if (email.length() > EMAIL_MAX) {
            problems.put("email", "maksimal " + EMAIL_MAX + " karakter");
        }
        return email;
    }

    public String password(String raw) {
        if (raw == null || raw.isEmpty()) {
            problems.put("password", "wajib diisi");
            return raw;
        }
        int length = raw.codePointCount(0, raw.length());
        if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
            problems.put("password", "harus " + PASSWORD_MIN + " sampai " + PASSWORD_MAX + " karakter");
        }
        return raw;
    }

    /** The password of a sign-in: present and no longer than any password can be set (nothing is hashed otherwise). */
    public String signInPassword(String raw) {
        if (raw == null || raw.isEmpty()) {
            problems.put("password", "wajib diisi");
        } else if (raw.codePointCount(0, raw.length()) > PASSWORD_MAX) {
            problems.put("password", "maksimal " + PASSWORD_MAX + " karakter");
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
            problems.put("name", "wajib diisi");
        } else if (name.codePointCount(0, name.length()) > NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
            problems.put("name", "maksimal " + NAME_MAX + " karakter, tanpa karakter kontrol");
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

    /** Throws 400 VALIDATION_FAILED listing every bad field at once. */
    public void check() {
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
    }
}
