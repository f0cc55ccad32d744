package id.warta.reader;

/**
 * Whose activity it is, without personal data: an account id, an anonymous browser's own random
 * id, or nobody in particular.
 */
public record ReaderKey(String value) {
    public static final ReaderKey ANONYMOUS = new ReaderKey("anon");

    public static ReaderKey account(String accountId) {
        return new ReaderKey("a:" + accountId);
    }

    public static ReaderKey browser(String readerId) {
        return new ReaderKey("r:" + readerId);
    }

    public boolean isAnonymous() {
        return this.equals(ANONYMOUS);
    }
}
