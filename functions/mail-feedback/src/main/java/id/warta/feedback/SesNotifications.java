package id.warta.feedback;

import com.fasterxml.jackson.jr.ob.JSON;
import id.warta.mail.MailFeedback;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the SES notification an SNS record carries: the event publishing format of a configuration
 * set's SNS destination ({@code eventType}: {@code Bounce}, {@code Complaint}) and, for an identity's
 * own notifications, the older format ({@code notificationType}), which has the same {@code bounce} and
 * {@code complaint} objects. Only what decides suppression is taken: the bounce type, the feedback id and
 * the recipients' addresses.
 */
final class SesNotifications {
    /** One notification, read. */
    sealed interface Read {
    }

    record Feedback(MailFeedback feedback) implements Read {
    }

    /** Another event type (a delivery, a send), or a complaint its recipient marked "not spam": nothing to do. */
    record Ignored(String type) implements Read {
    }

    /** Not a notification this function can read (its reason names no address). */
    record Unreadable(String why) implements Read {
    }

    private SesNotifications() {
    }

    static Read read(String message) {
        Map<String, Object> notification;
        try {
            notification = JSON.std.mapFrom(message);
        } catch (IOException | RuntimeException e) {
            return new Unreadable("not JSON: " + e.getClass().getSimpleName());
        }
        Object type = notification.containsKey("eventType") ? notification.get("eventType") : notification.get("notificationType");
        if (!(type instanceof String eventType)) {
            return new Unreadable("no eventType or notificationType");
        }
        try {
            return switch (eventType) {
                case "Bounce" -> bounce(map(notification, "bounce"));
                case "Complaint" -> complaint(map(notification, "complaint"));
                default -> new Ignored(eventType);
            };
        } catch (IllegalArgumentException e) {
            return new Unreadable(e.getMessage());
        }
    }

    private static Read bounce(Map<String, Object> bounce) {
        // SES: Permanent (hard), Transient (soft), Undetermined (SES could not tell: not treated as hard).
        MailFeedback.Kind kind = "Permanent".equals(bounce.get("bounceType"))
                ? MailFeedback.Kind.HARD_BOUNCE : MailFeedback.Kind.SOFT_BOUNCE;
        return new Feedback(new MailFeedback(kind, text(bounce, "feedbackId"), addresses(bounce, "bouncedRecipients")));
    }

    private static Read complaint(Map<String, Object> complaint) {
        if ("not-spam".equals(complaint.get("complaintFeedbackType"))) {
            return new Ignored("Complaint not-spam");
        }
        return new Feedback(new MailFeedback(MailFeedback.Kind.COMPLAINT, text(complaint, "feedbackId"),
                addresses(complaint, "complainedRecipients")));
    }

    private static List<String> addresses(Map<String, Object> object, String field) {
        if (!(object.get(field) instanceof List<?> recipients) || recipients.isEmpty()) {
            throw new IllegalArgumentException("no " + field);
        }
        List<String> addresses = new ArrayList<>();
        for (Object recipient : recipients) {
            if (!(recipient instanceof Map<?, ?> r) || !(r.get("emailAddress") instanceof String address) || address.isBlank()) {
                throw new IllegalArgumentException(field + " without emailAddress");
            }
            addresses.add(address);
        }
        return addresses;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> object, String field) {
        if (object.get(field) instanceof Map<?, ?> value) {
            return (Map<String, Object>) value;
        }
        throw new IllegalArgumentException("no " + field + " object");
    }

    private static String text(Map<String, Object> object, String field) {
        if (object.get(field) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new IllegalArgumentException("no " + field);
    }
}
