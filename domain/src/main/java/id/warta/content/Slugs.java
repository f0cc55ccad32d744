package id.warta.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The shape of an article slug: lower-case words joined by single hyphens. Anything else names no article. */
public final class Slugs {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 200;
    /** The longest slug the newsroom may publish (the contract's 1..120). */
    public static final int MAX_PUBLISHED_LENGTH = 120;
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Slugs() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && SLUG.matcher(slug).matches();
    }

    /** A slug the newsroom may publish under: readable by readers, and at most 120 characters. */
    public static boolean isPublishable(String slug) {
        return isValid(slug) && slug.length() <= MAX_PUBLISHED_LENGTH;
    }

    /**
     * A publishable slug made from free text (a title, the last part of a link): accents dropped,
     * every run of other characters one hyphen, cut at a word boundary to fit. Empty when the text
     * has no letter or digit.
     */
    public static String from(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NOT_SLUG.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() <= MAX_PUBLISHED_LENGTH) {
            return slug;
        }
        String cut = slug.substring(0, MAX_PUBLISHED_LENGTH + 1);
        int lastHyphen = cut.lastIndexOf('-');
        return (lastHyphen > 0 ? cut.substring(0, lastHyphen) : cut.substring(0, MAX_PUBLISHED_LENGTH)).replaceAll("-+$", "");
    }
}
