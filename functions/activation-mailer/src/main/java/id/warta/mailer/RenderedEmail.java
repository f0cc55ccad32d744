package id.warta.mailer;

/** One email ready to send: a subject, an HTML part and a plain-text part. */
public record RenderedEmail(String subject, String html, String text) {
}
