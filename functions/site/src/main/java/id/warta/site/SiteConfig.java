package id.warta.site;

import id.warta.config.AwsSettings;
import id.warta.config.Env;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the site function reads from its environment, read once per container.
 *
 * @param siteUrl the site's public address (canonical links, feeds, sitemaps), without a trailing slash
 * @param apiUrl  the reader API's base URL for the pages' scripts; empty means the site's own origin
 *                (in AWS one CloudFront distribution serves both)
 * @param freeArticles the free premium articles an activated account reads a month (the API's meter limit),
 *                which the pages promise
 * @param signInProviders the "Masuk melalui" buttons: the providers with a client id and an authorization URL
 */
public record SiteConfig(String contentTable, String activityTable, String recommendationsTable, String siteUrl,
                         String apiUrl, int freeArticles, List<Views.SignInProvider> signInProviders, AwsSettings aws) {

    public static SiteConfig from(Env env) {
        return new SiteConfig(
                env.required("CONTENT_TABLE"),
                env.required("ACTIVITY_TABLE"),
                env.required("RECOMMENDATIONS_TABLE"),
                withoutTrailingSlash(env.required("SITE_URL")),
                withoutTrailingSlash(env.optional("API_URL", "")),
                Integer.parseInt(env.required("FREE_ARTICLES_PER_MONTH")),
                signInProviders(env),
                AwsSettings.from(env));
    }

    /**
     * The "Masuk melalui" buttons, in this order, each for the first of the client ids the API
     * accepts for its provider; a provider without a client id or an authorization URL shows none.
     * Facebook's ID tokens carry no {@code email_verified}: unless the stack trusts their address
     * (FACEBOOK_EMAILS_VERIFIED), the API can sign nobody in with them, so the button would only fail.
     */
    static List<Views.SignInProvider> signInProviders(Env env) {
        List<Views.SignInProvider> providers = new ArrayList<>();
        firstClientId(env, "GOOGLE_CLIENT_IDS", "GOOGLE_AUTHORIZATION_URL").ifPresent(client -> providers.add(
                new Views.SignInProvider("google", "Google", env.required("GOOGLE_AUTHORIZATION_URL"), client,
                        "id_token", "openid email profile", "", "select_account")));
        // Apple sends the address only to a request for the email scope, and answers that one only by form_post.
        firstClientId(env, "APPLE_CLIENT_IDS", "APPLE_AUTHORIZATION_URL").ifPresent(client -> providers.add(
                new Views.SignInProvider("apple", "Apple", env.required("APPLE_AUTHORIZATION_URL"), client,
                        "code id_token", "name email", "form_post", "")));
        if (Boolean.parseBoolean(env.optional("FACEBOOK_EMAILS_VERIFIED", "false"))) {
            firstClientId(env, "FACEBOOK_APP_IDS", "FACEBOOK_AUTHORIZATION_URL").ifPresent(client -> providers.add(
                    new Views.SignInProvider("facebook", "Facebook", env.required("FACEBOOK_AUTHORIZATION_URL"), client,
                            "id_token", "openid email", "", "")));
        }
        return List.copyOf(providers);
    }

    private static Optional<String> firstClientId(Env env, String clientIds, String authorizationUrl) {
        String first = env.optional(clientIds, "").split(",")[0].trim();
        return first.isEmpty() || env.optional(authorizationUrl, "").isBlank() ? Optional.empty() : Optional.of(first);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
