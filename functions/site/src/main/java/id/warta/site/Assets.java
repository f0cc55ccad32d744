package id.warta.site;

import id.warta.hashing.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The site's stylesheet, scripts and icon, served under names that hold a hash of their content
 * ({@code site.3f2a9c01d4.css}), so that browsers and CloudFront may keep them for a year: a
 * changed file is a new name, which the pages rendered after the deployment link to.
 */
public final class Assets {
    public static final String PREFIX = "/assets/";
    private static final int HASH_CHARACTERS = 10;

    public static final String STYLESHEET = "site.css";
    /** Every page's script: the reader's session, the sign-in dialogs, the article's access, the account page. */
    public static final String SITE_SCRIPT = "site.js";
    public static final String ACTIVATION_SCRIPT = "aktivasi.js";
    public static final String RESET_PASSWORD_SCRIPT = "reset-password.js";
    /** Linked from every page, so that browsers do not ask for a /favicon.ico the site does not have. */
    public static final String ICON = "favicon.svg";

    private record Asset(String body, String contentType) {
    }

    private final Map<String, String> urls = new HashMap<>();
    private final Map<String, Asset> byHashedName = new HashMap<>();

    public Assets() {
        add(STYLESHEET, "text/css; charset=utf-8");
        add(SITE_SCRIPT, "text/javascript; charset=utf-8");
        add(ACTIVATION_SCRIPT, "text/javascript; charset=utf-8");
        add(RESET_PASSWORD_SCRIPT, "text/javascript; charset=utf-8");
        add(ICON, "image/svg+xml");
    }

    private void add(String name, String contentType) {
        String body = read("site/assets/" + name);
        int dot = name.lastIndexOf('.');
        String hashed = name.substring(0, dot) + "." + Sha256.hex(body).substring(0, HASH_CHARACTERS) + name.substring(dot);
        urls.put(name, PREFIX + hashed);
        byHashedName.put(hashed, new Asset(body, contentType));
    }

    /** The path a page links to for the asset of this name ({@link #STYLESHEET}, ...). */
    public String url(String name) {
        String url = urls.get(name);
        if (url == null) {
            throw new IllegalArgumentException("No asset " + name);
        }
        return url;
    }

    /** The asset under its hashed name; an old or unknown name is not found. */
    Optional<SiteResponse> find(String hashedName) {
        return Optional.ofNullable(byHashedName.get(hashedName))
                .map(asset -> SiteResponse.of(200, asset.contentType(), asset.body(), CachePolicy.IMMUTABLE));
    }

    private static String read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
