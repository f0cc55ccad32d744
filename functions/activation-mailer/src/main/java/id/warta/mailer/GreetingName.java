package id.warta.mailer;

import java.text.Normalizer;

/**
 * The reader's name as the greeting of an email shows it: the only text in any email that a reader
 * typed. Whoever registers an address chooses it (for an unactivated address, possibly not its
 * owner), so it is made inert before it reaches a Warta-branded email:
 * <ul>
 *   <li>compatibility forms folded (NFKC: fullwidth {@code ＠．／} become {@code @./}, so they are caught below);</li>
 *   <li>control, format (bidi overrides and isolates, zero-width characters), private-use, unassigned
 *       and lone surrogate code points removed; line breaks and other spaces become one space;</li>
 *   <li>no link: a space after every {@code . @ : / \} and ideographic full stop that is followed by
 *       more text, so that no mail client finds a scheme, a host name or an address to link
 *       ("Dr.Sari" reads "Dr. Sari"; "https://evil.example" reads "https: / / evil. example");</li>
 *   <li>cut to {@value #MAX_CODE_POINTS} code points (with an ellipsis), enough for a name and too
 *       short for a message.</li>
 * </ul>
 * HTML escaping is still the template's job.
 */
final class GreetingName {
    static final int MAX_CODE_POINTS = 40;
    private static final String LINK_PUNCTUATION = ".@:/\\\u3002\uFF61";

    private GreetingName() {
    }

    /** The inert name, or empty when nothing printable is left. */
    static String of(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder inert = new StringBuilder(folded.length() + 8);
        int[] codePoints = folded.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!inert.isEmpty() && inert.charAt(inert.length() - 1) != ' ') {
                    inert.append(' ');
                }
            } else if (printable(c)) {
                inert.appendCodePoint(c);
                boolean moreFollows = i + 1 < codePoints.length && !Character.isWhitespace(codePoints[i + 1]);
                if (LINK_PUNCTUATION.indexOf(c) >= 0 && moreFollows) {
                    inert.append(' ');
                }
            }
        }
        return cut(inert.toString().strip());
    }

    private static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    private static String cut(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_CODE_POINTS) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, MAX_CODE_POINTS)).strip() + "…";
    }
}
