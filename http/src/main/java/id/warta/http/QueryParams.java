package id.warta.http;

import id.warta.errors.ValidationFailed;

import java.util.Map;

/** Query-string validation shared by the read routes. */
public final class QueryParams {
    private QueryParams() {
    }

    /** An integer in [min, max], or the default when absent; anything else is 400 VALIDATION_FAILED. */
    public static int intInRange(ApiRequest request, String name, int min, int max, int defaultValue) {
        String raw = request.query(name).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        String message = "harus bilangan bulat " + min + " sampai " + max;
        if (raw.isEmpty() || raw.length() > 4 || !raw.chars().allMatch(Character::isDigit)) {
            throw new ValidationFailed(Map.of(name, message));
        }
        int value = Integer.parseInt(raw);
        if (value < min || value > max) {
            throw new ValidationFailed(Map.of(name, message));
        }
        return value;
    }
}
