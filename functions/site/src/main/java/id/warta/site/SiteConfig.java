package id.warta.site;

import id.warta.config.AwsSettings;
import id.warta.config.Env;

import java.util.List;

/**
 * Everything the site function reads from its environment, read once per container.
 *
 * @param siteUrl the site's public address (canonical links, feeds, sitemaps), without a trailing slash
 * @param apiUrl  the reader API's base URL for the pages' scripts; empty means the site's own origin
 *                (in AWS one CloudFront distribution serves both)
 * @param freeArticles the free premium articles an activated account reads a month (the API's meter limit),
 *                which the pages promise
 * @param signInProviders the "Masuk melalui" buttons: the providers with a client id
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
                google(env.optional("GOOGLE_CLIENT_IDS", ""), env.optional("GOOGLE_AUTHORIZATION_URL", "")),
                AwsSettings.from(env));
    }

    /** Google's button, for the first of the API's accepted client ids; none while Google is switched off. */
    static List<Views.SignInProvider> google(String clientIds, String authorizationUrl) {
        String first = clientIds.split(",")[0].trim();
        return first.isEmpty() || authorizationUrl.isBlank() ? List.of()
                : List.of(new Views.SignInProvider("google", "Google", authorizationUrl, first));
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
