package id.warta.http;

import id.warta.errors.SignInRequired;
import id.warta.identity.AccessClaims;
import id.warta.identity.AccessTokens;
import id.warta.identity.InvalidAccessTokenException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is asking, as far as the request itself tells: a verified bearer token and/or the browser's
 * own X-Reader-Id. A malformed id is 400 and a bad token {@link SignInRequired}, never silently anonymous.
 */
public final class ReaderIdentity {
    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);

    private final AccessTokens tokens;

    public ReaderIdentity(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** The verified claims of the bearer token, if the request carries one. */
    public Optional<AccessClaims> bearer(ApiRequest request) {
        Optional<String> header = request.header("authorization");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized();
        }
        try {
            return Optional.of(tokens.verify(value.substring(7).trim()));
        } catch (InvalidAccessTokenException e) {
            throw unauthorized();
        }
    }

    /** The anonymous browser id, lower-cased, if sent. */
    public static Optional<String> readerId(ApiRequest request) {
        Optional<String> header = request.header("x-reader-id");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        if (!UUID_V4.matcher(value).matches()) {
            throw ApiException.of(ErrorCode.BAD_REQUEST, "X-Reader-Id harus UUID v4.");
        }
        return Optional.of(value.toLowerCase(java.util.Locale.ROOT));
    }

    private static SignInRequired unauthorized() {
        return new SignInRequired();
    }
}
