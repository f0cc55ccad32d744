package id.warta.mail;

import java.util.Locale;
import java.util.Optional;

/** The language of an account email: Bahasa Indonesia unless the request's Accept-Language prefers English. */
public enum MailLanguage {
    ID("id"),
    EN("en");

    private final String tag;

    MailLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static MailLanguage fromTag(String tag) {
        return EN.tag.equals(tag) ? EN : ID;
    }

    /**
     * English only when the highest-weighted language range of the header is English (ties go to the
     * earlier range, as browsers list them by preference); anything else, or no header, is Indonesian.
     */
    public static MailLanguage preferredBy(Optional<String> acceptLanguage) {
        if (acceptLanguage.isEmpty()) {
            return ID;
        }
        String best = null;
        double bestWeight = 0;
        for (String range : acceptLanguage.get().split(",")) {
            String[] parts = range.trim().split(";");
            String language = parts[0].trim().toLowerCase(Locale.ROOT);
            double weight = weightOf(parts);
            if (!language.isEmpty() && weight > bestWeight) {
                best = language;
                bestWeight = weight;
            }
        }
        return best != null && (best.equals("en") || best.startsWith("en-")) ? EN : ID;
    }

    private static double weightOf(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
