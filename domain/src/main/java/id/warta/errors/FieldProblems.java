package id.warta.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/** What is wrong with each field of one input, collected so that one {@link ValidationFailed} names them all. */
public final class FieldProblems {
    public static final String REQUIRED = "wajib diisi";

    private final Map<String, String> problems = new LinkedHashMap<>();

    /** Records the field's problem (a later one for the same field replaces it). */
    public void add(String field, String problem) {
        problems.put(field, problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** @throws ValidationFailed listing every field with a problem, if there is any */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
    }
}
