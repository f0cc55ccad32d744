package id.warta.config;

import java.util.Map;

/** Reads a function's environment once, at container start, failing fast on what is missing. */
public final class Env {
    private final Map<String, String> variables;

    public Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing environment variable " + name);
        }
        return value;
    }

    public String optional(String name, String defaultValue) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    public int requiredInt(String name) {
        try {
            return Integer.parseInt(required(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Environment variable " + name + " is not an integer", e);
        }
    }
}
