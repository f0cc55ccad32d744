package id.warta.content;

/** The shape of a section name: a longer one names no section, so its feed is empty without a read. */
public final class Sections {
    private static final int MAX_LENGTH = 64;

    private Sections() {
    }

    public static boolean mayExist(String section) {
        return section.length() <= MAX_LENGTH;
    }
}
