package id.warta.site;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Apple's answer to "Masuk melalui Apple": a cross-site form POST to /masuk-melalui (Apple answers
 * a request for the reader's address only with response_mode=form_post) carrying {@code id_token},
 * {@code state} and, at a reader's first sign-in only, {@code user} (the name, as JSON), or
 * {@code error}. The site keeps none of it: a 303 hands the fields to the /masuk-melalui page in the
 * fragment, which the browser keeps through the redirect and never sends to a server, so one script
 * finishes every provider's sign-in, and a forged POST gets no further than that script's state check.
 */
final class ProviderAnswer {
    static final String PATH = "/masuk-melalui";
    /** The fields passed on; anything else Apple sends (the authorization code) is not needed. */
    private static final List<String> RELAYED = List.of("id_token", "state", "user", "error");
    /** Far above an Apple answer (an ID token is about 1 KB); a larger body is not one. */
    static final int MAX_BODY_CHARACTERS = 16 * 1024;

    private ProviderAnswer() {
    }

    /** The 303 to the page; a body that is no form, or names no state, arrives as an answer without one. */
    static SiteResponse relay(String body) {
        Map<String, String> fields = formFields(body);
        StringJoiner fragment = new StringJoiner("&");
        if (fields.containsKey("state")) {
            for (String name : RELAYED) {
                String value = fields.get(name);
                if (value != null) {
                    fragment.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
        }
        String location = fragment.length() == 0 ? PATH : PATH + "#" + fragment;
        return SiteResponse.seeOther(location).withHeader("referrer-policy", SecurityHeaders.NO_REFERRER);
    }

    /** application/x-www-form-urlencoded, the first value of each name; empty for a body that is not one. */
    static Map<String, String> formFields(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body == null || body.isEmpty() || body.length() > MAX_BODY_CHARACTERS) {
            return fields;
        }
        try {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    fields.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException malformedEscape) {
            return new HashMap<>();
        }
        return fields;
    }
}
