package id.warta.local;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

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

    void preflight(String origin, HttpFields.Mutable out) {
        if (!allows(origin)) {
            return;
        }
        decorate(origin, out);
        out.put("Access-Control-Allow-Methods", String.join(",", allowMethods));
        out.put("Access-Control-Allow-Headers", String.join(",", allowHeaders));
        if (maxAge != null) {
            out.put("Access-Control-Max-Age", maxAge.toString());
        }
    }

    void decorate(String origin, HttpFields.Mutable out) {
        if (!allows(origin)) {
            return;
        }
        out.put("Access-Control-Allow-Origin", origin);
        // Merged into the function's own Vary (which names Origin already), never in its place.
        out.ensureField(new HttpField(HttpHeader.VARY, "Origin"));
        if (allowCredentials) {
            out.put("Access-Control-Allow-Credentials", "true");
        }
        if (!exposeHeaders.isEmpty()) {
            out.put("Access-Control-Expose-Headers", String.join(",", exposeHeaders));
        }
    }
}
