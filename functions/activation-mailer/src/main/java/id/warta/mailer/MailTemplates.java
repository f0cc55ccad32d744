package id.warta.mailer;

import id.warta.mail.MailKind;
import id.warta.mail.MailLanguage;
import id.warta.mail.OutboxMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The account emails, from resources {@code templates/<kind>/<language>.txt} (first line
 * {@code Subject: ...}, a blank line, the plain-text body) and {@code templates/<kind>/<language>.html}.
 * Placeholders: {@code {{name}}}, {@code {{link}}}, {@code {{siteUrl}}}, {@code {{freeArticles}}} (what
 * activation gives: the free articles a month, the API's meter limit); in HTML every value is escaped.
 * The name is the only reader-supplied text and appears only in the greeting, made inert by
 * {@link GreetingName}; the link carries only our token, and the site URL is configuration.
 * All templates are loaded once, at container start.
 */
public final class MailTemplates {
    private record Template(String subject, String text, String html) {
    }

    private final String siteUrl;
    private final int freeArticles;
    private final Map<MailKind, Map<MailLanguage, Template>> templates = new EnumMap<>(MailKind.class);

    public MailTemplates(String siteUrl, int freeArticles) {
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        this.freeArticles = freeArticles;
        for (MailKind kind : MailKind.values()) {
            Map<MailLanguage, Template> byLanguage = new EnumMap<>(MailLanguage.class);
            for (MailLanguage language : MailLanguage.values()) {
                byLanguage.put(language, load(kind, language));
            }
            templates.put(kind, byLanguage);
        }
    }

    public RenderedEmail render(OutboxMessage message) {
        Template template = templates.get(message.kind()).get(message.language());
        Map<String, String> values = Map.of(
                "name", greetingName(message),
                "link", link(message),
                "siteUrl", siteUrl,
                "freeArticles", Integer.toString(freeArticles));
        return new RenderedEmail(fill(template.subject(), values, false), fill(template.html(), values, true),
                fill(template.text(), values, false));
    }

    private static String greetingName(OutboxMessage message) {
        String name = GreetingName.of(message.name());
        if (!name.isEmpty()) {
            return name;
        }
        return message.language() == MailLanguage.EN ? "Warta reader" : "Pembaca Warta";
    }

    private String link(OutboxMessage message) {
        return switch (message.kind()) {
            case ACTIVATION -> siteUrl + "/aktivasi?token=" + URLEncoder.encode(message.token(), StandardCharsets.UTF_8);
            case PASSWORD_RESET -> siteUrl + "/reset-password?token=" + URLEncoder.encode(message.token(), StandardCharsets.UTF_8);
            case ALREADY_REGISTERED -> siteUrl + "/";
        };
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        String result = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace("{{" + value.getKey() + "}}", html ? escapeHtml(value.getValue()) : value.getValue());
        }
        return result;
    }

    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static Template load(MailKind kind, MailLanguage language) {
        String base = "templates/" + kind.name().toLowerCase(Locale.ROOT) + "/" + language.tag();
        String text = resource(base + ".txt");
        if (!text.startsWith("Subject: ") || !text.contains("\n\n")) {
            throw new IllegalStateException(base + ".txt must start with a 'Subject: ' line and a blank line");
        }
        int blank = text.indexOf("\n\n");
        return new Template(text.substring("Subject: ".length(), text.indexOf('\n')).strip(), text.substring(blank + 2),
                resource(base + ".html"));
    }

    private static String resource(String name) {
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing mail template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
