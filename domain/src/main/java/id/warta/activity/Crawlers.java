package id.warta.activity;

import java.util.List;
import java.util.Locale;

/**
 * Recognises obvious bots by their user agent, so that their views are neither counted (trending,
 * recommendations) nor allowed to spend a reader's free credit. Matching is by lower-case substring:
 * the tokens below are what crawlers and scripted clients announce themselves with. Kept deliberately
 * narrow: a reader mistaken for a bot loses a view, so in-app browsers (FBAN, Instagram, Line,
 * WhatsApp) and curl (what developers try the API with) are not on it. Add a token here when a new
 * crawler shows up in the logs, with a case in CrawlersTest.
 */
public final class Crawlers {
    /** Search engines, social previews, SEO and AI crawlers, headless and scripted HTTP clients. */
    static final List<String> TOKENS = List.of(
            // search engines
            "googlebot", "adsbot-google", "mediapartners-google", "google-inspectiontool", "storebot-google",
            "googleother", "feedfetcher-google", "bingbot", "bingpreview", "msnbot", "adidxbot", "yandexbot",
            "baiduspider", "duckduckbot", "slurp", "exabot", "seznambot", "petalbot", "applebot",
            "qwantbot", "coccocbot",
            // link previews of social networks and chat apps
            "facebookexternalhit", "facebookcatalog", "meta-externalagent", "twitterbot", "linkedinbot",
            "pinterestbot", "slackbot", "discordbot", "telegrambot", "embedly", "redditbot",
            // SEO tools
            "ahrefsbot", "semrushbot", "mj12bot", "dotbot", "rogerbot", "blexbot", "dataforseobot",
            "serpstatbot", "screaming frog",
            // AI crawlers
            "gptbot", "chatgpt-user", "oai-searchbot", "ccbot", "claudebot", "claude-web", "anthropic-ai",
            "perplexitybot", "bytespider", "amazonbot", "diffbot", "imagesiftbot", "omgili",
            // headless browsers, monitors and scripted clients
            "headlesschrome", "phantomjs", "lighthouse", "chrome-lighthouse", "pingdom", "uptimerobot",
            "python-requests", "python-urllib", "aiohttp", "httpx", "scrapy", "go-http-client", "wget",
            "libwww-perl", "apache-httpclient",
            // the conventions most other crawlers follow: a self-description, or a contact URL
            "crawler", "spider", "bot/", "+http");

    private Crawlers() {
    }

    /** True for a crawler or scripted client; a missing user agent is not evidence of one. */
    public static boolean isCrawler(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return false;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        for (String token : TOKENS) {
            if (agent.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
