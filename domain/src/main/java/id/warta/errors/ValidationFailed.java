package id.warta.errors;

import java.util.Map;

/** Input the rules refuse, per field: the field's name and what it must be (the contract's "fields"). */
public final class ValidationFailed extends DomainException {
    private final Map<String, String> fields;

    public ValidationFailed(Map<String, String> fields) {
        super("validation failed: " + fields.keySet());
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }
}
