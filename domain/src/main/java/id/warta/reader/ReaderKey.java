package id.warta.reader;

/**
 * Whose activity it is, without personal data: an account id, an anonymous browser's own random
 * id, an anonymous reader known only by an hourly pseudonym of its network address, or nobody in
 * particular.
 */
public record ReaderKey(String value) {
    public static final ReaderKey ANONYMOUS = new ReaderKey("anon");
    private static final String NETWORK_PREFIX = "anon:";

    public static ReaderKey account(String accountId) {
        return new ReaderKey("a:" + accountId);
    }

    public static ReaderKey browser(String readerId) {
        return new ReaderKey("r:" + readerId);
    }

    /**
     * A reader that sent no id, told apart from others only by a pseudonym of its network address
     * (one that changes every hour and cannot be turned back into the address): still anonymous
     * everywhere, but its repeated views of one article in one hour count once.
     */
    public static ReaderKey network(String pseudonym) {
        return new ReaderKey(NETWORK_PREFIX + pseudonym);
    }

    /** Neither an account nor a browser: no history, no co-visitation. */
    public boolean isAnonymous() {
        return this.equals(ANONYMOUS) || value.startsWith(NETWORK_PREFIX);
    }
}
