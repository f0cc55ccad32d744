package id.warta.local;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A well-formed request for every route of the template, sent as its caller would: signed in with
 * a token the functions accept, except on /auth routes (credentials in the body) and on
 * IAM-authorised routes (signed with the local admin credentials).
 */
final class RouteSamples {
    private static final String SLUG = "harga-beras-medium-naik-di-pasar-induk";

    private RouteSamples() {
    }

    /** @param cookie the Cookie header, for the session routes; null for the others */
    record Sample(String method, String path, String body, String cookie) {
        Sample(String method, String path, String body) {
            this(method, path, body, null);
        }
    }

    /** Well-formed, for a session that does not exist: a refresh or logout with it reads its session. */
    private static final String SESSION_COOKIE = "warta_session=00000000-0000-4000-8000-000000000000."
            + "A".repeat(22) + "." + "B".repeat(43);

    /** A well-formed request for every route of the template, so each one reaches its database call. */
    static final Map<String, Sample> SAMPLES = Map.ofEntries(
            Map.entry("GET /articles", new Sample("GET", "/articles", null)),
            Map.entry("GET /articles/{slug}", new Sample("GET", "/articles/" + SLUG, null)),
            Map.entry("GET /articles/{slug}/recommendations", new Sample("GET", "/articles/" + SLUG + "/recommendations", null)),
            Map.entry("GET /trending", new Sample("GET", "/trending", null)),
            Map.entry("GET /videos", new Sample("GET", "/videos", null)),
            Map.entry("GET /editors-picks", new Sample("GET", "/editors-picks", null)),
            // Scheduled far ahead, so that it never shows to readers of the shared stack.
            Map.entry("PUT /admin/articles/{slug}", new Sample("PUT", "/admin/articles/contoh-rute-terjadwal",
                    "{\"title\":\"Contoh\",\"summary\":\"Ringkas\",\"section\":\"nasional\",\"edition\":\"web\","
                            + "\"coverStory\":false,\"sponsored\":false,\"reporter\":\"Rina\",\"editor\":\"Dimas\","
                            + "\"sources\":[],\"tags\":[],\"image\":null,\"body\":[\"Satu.\"],"
                            + "\"publishAt\":\"2099-01-01T00:00:00+07:00\",\"editorsPick\":null}")),
            Map.entry("DELETE /admin/articles/{slug}", new Sample("DELETE", "/admin/articles/tidak-pernah-terbit", null)),
            Map.entry("PUT /admin/videos/{id}", new Sample("PUT", "/admin/videos/contoh-rute-terjadwal",
                    "{\"title\":\"Contoh\",\"summary\":\"Ringkas\",\"thumbnail\":{\"url\":\"https://img.warta.example/v.jpg\","
                            + "\"caption\":\"Cuplikan\",\"credit\":\"Warta TV\"},\"videoUrl\":\"https://video.warta.example/v.m3u8\","
                            + "\"durationSeconds\":60,\"publishAt\":\"2099-01-01T00:00:00+07:00\"}")),
            Map.entry("DELETE /admin/videos/{id}", new Sample("DELETE", "/admin/videos/tidak-pernah-terbit", null)),
            Map.entry("PUT /admin/editors-picks", new Sample("PUT", "/admin/editors-picks", "{\"slugs\":[\"" + SLUG + "\"]}")),
            Map.entry("POST /articles/{slug}/views", new Sample("POST", "/articles/" + SLUG + "/views", "{}")),
            Map.entry("POST /auth/register", new Sample("POST", "/auth/register",
                    "{\"email\":\"gangguan@warta.example\",\"password\":\"kata-sandi-panjang\",\"name\":\"Uji Gangguan\"}")),
            Map.entry("POST /auth/activation/resend", new Sample("POST", "/auth/activation/resend",
                    "{\"email\":\"gangguan@warta.example\"}")),
            Map.entry("POST /auth/activate", new Sample("POST", "/auth/activate",
                    "{\"token\":\"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo\"}")),
            Map.entry("POST /auth/login", new Sample("POST", "/auth/login",
                    "{\"email\":\"gangguan@warta.example\",\"password\":\"kata-sandi-panjang\"}")),
            Map.entry("POST /auth/password/forgot", new Sample("POST", "/auth/password/forgot",
                    "{\"email\":\"gangguan@warta.example\"}")),
            Map.entry("POST /auth/password/reset", new Sample("POST", "/auth/password/reset",
                    "{\"token\":\"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo\",\"password\":\"kata-sandi-baru-1\"}")),
            Map.entry("POST /auth/oidc/{provider}", new Sample("POST", "/auth/oidc/google",
                    "{\"idToken\":\"a.b.c\",\"nonce\":\"n\"}")),
            Map.entry("POST /auth/refresh", new Sample("POST", "/auth/refresh", null, SESSION_COOKIE)),
            Map.entry("POST /auth/logout", new Sample("POST", "/auth/logout", null, SESSION_COOKIE)),
            Map.entry("POST /auth/logout-all", new Sample("POST", "/auth/logout-all", null, SESSION_COOKIE)),
            Map.entry("GET /me", new Sample("GET", "/me", null)),
            Map.entry("PUT /admin/accounts/{accountId}/subscription", new Sample("PUT",
                    "/admin/accounts/00000000-0000-4000-8000-000000000000/subscription",
                    "{\"subscriber\":true,\"until\":null}")));

    /** The sample for a route of the template; every route must have one. */
    static Sample of(SamTemplate.HttpRoute route) {
        Sample sample = SAMPLES.get(route.routeKey());
        assertThat(sample).as("a sample request for " + route.routeKey()).isNotNull();
        return sample;
    }

    /** The sample sent through the stack, so its answer is held to openapi.yaml like every other. */
    static TestStack.Response send(TestStack stack, Sample sample) {
        LocalCloud cloud = stack.cloud();
        if (iamAuthorised(cloud, sample)) {
            return stack.sendSigned(sample.method(), sample.path(), sample.body());
        }
        List<String> headers = new ArrayList<>();
        if (sample.cookie() != null) {
            headers.addAll(List.of("Cookie", sample.cookie()));
        }
        // The /auth routes take their credentials in the body or the cookie; sign-out everywhere is for a signed-in reader.
        if (!sample.path().startsWith("/auth/") || sample.path().equals("/auth/logout-all")) {
            headers.addAll(List.of("Authorization", "Bearer " + cloud.accessTokens().issue("sample-reader", 0)));
        }
        return stack.send(sample.method(), sample.path(), sample.body(), headers.toArray(String[]::new));
    }

    private static boolean iamAuthorised(LocalCloud cloud, Sample sample) {
        return cloud.template().httpRoutes().stream()
                .anyMatch(r -> r.iamAuthorised() && SAMPLES.get(r.routeKey()) == sample);
    }
}
