package id.warta.content;

/** Derived from edition and cover-story flag, never stored. */
public enum AccessLevel {
    FREE, METERED, SUBSCRIBER;

    public static AccessLevel of(Edition edition, boolean coverStory) {
        if (edition == Edition.WEB) {
            return FREE;
        }
        return coverStory ? SUBSCRIBER : METERED;
    }
}
