package id.warta.local;

import com.sun.net.httpserver.Headers;

import java.util.List;
import java.util.Map;

/** The HttpApi's CorsConfiguration from template.yaml, answered locally the way API Gateway does. */
record Cors(List<String> allowOrigins, boolean allowCredentials, List<String> allowHeaders, List<String> allowMethods,
            List<String> exposeHeaders, Integer maxAge) {

    @SuppressWarnings("unchecked")
    static Cors from(Map<String, Object> configuration, Intrinsics intrinsics) {
        return new Cors(
                strings(configuration.get("AllowOrigins"), intrinsics),
                Boolean.TRUE.equals(configuration.get("AllowCredentials")),
                strings(configuration.get("AllowHeaders"), intrinsics),
                strings(configuration.get("AllowMethods"), intrinsics),
                strings(configuration.get("ExposeHeaders"), intrinsics),
                configuration.get("MaxAge") instanceof Number n ? n.intValue() : null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value, Intrinsics intrinsics) {
        if (value == null) {
            return List.of();
        }
        return ((List<Object>) intrinsics.resolve(value)).stream().map(Object::toString).toList();
    }

    private boolean allows(String origin) {
        return origin != null && (allowOrigins.contains(origin) || (!allowCredentials && allowOrigins.contains("*")));
    }

    void preflight(String origin, Headers out) {
        if (!allows(origin)) {
            return;
        }
        decorate(origin, out);
        out.set("Access-Control-Allow-Methods", String.join(",", allowMethods));
        out.set("Access-Control-Allow-Headers", String.join(",", allowHeaders));
        if (maxAge != null) {
            out.set("Access-Control-Max-Age", maxAge.toString());
        }
    }

    void decorate(String origin, Headers out) {
        if (!allows(origin)) {
            return;
        }
        out.set("Access-Control-Allow-Origin", origin);
        // Added to the function's own Vary (which names Origin already), never in its place.
        String vary = out.getFirst("Vary");
        if (vary == null || !vary.toLowerCase(java.util.Locale.ROOT).contains("origin")) {
            out.set("Vary", vary == null ? "Origin" : vary + ", Origin");
        }
        if (allowCredentials) {
            out.set("Access-Control-Allow-Credentials", "true");
        }
        if (!exposeHeaders.isEmpty()) {
            out.set("Access-Control-Expose-Headers", String.join(",", exposeHeaders));
        }
    }
}
