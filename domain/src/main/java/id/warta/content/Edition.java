package id.warta.content;

import java.util.Locale;
import java.util.Optional;

/** web: free news; koran: the daily newspaper; majalah: the weekly magazine. */
public enum Edition {
    WEB, KORAN, MAJALAH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Edition> fromWireName(String value) {
        for (Edition edition : values()) {
            if (edition.wireName().equals(value)) {
                return Optional.of(edition);
            }
        }
        return Optional.empty();
    }
}
