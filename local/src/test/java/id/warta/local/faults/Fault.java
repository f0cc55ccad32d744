package id.warta.local.faults;

import java.time.Duration;

/** What the proxy does to a matching request instead of simply passing it on. */
public sealed interface Fault {

    /** Forward the request, then hold the response back for a while before answering. */
    record Delay(Duration duration) implements Fault {
    }

    /**
     * Forward the request and let the emulator apply it, then close the client's connection
     * without answering: the write landed but its caller cannot know (the SDK retries).
     */
    record DropAfterWrite() implements Fault {
    }

    /** Reset the connection (TCP RST) without forwarding: the request never arrives. */
    record Reset() implements Fault {
    }

    /** Answer in the emulator's place without forwarding. */
    record Answer(int status, String reason, String contentType, String body) implements Fault {
    }

    /** Hold the request, unforwarded, until its rule is closed; then forward it (a paused service). */
    record Hold() implements Fault {
    }

    static Fault delay(Duration duration) {
        return new Delay(duration);
    }

    static Fault dropAfterWrite() {
        return new DropAfterWrite();
    }

    static Fault reset() {
        return new Reset();
    }

    static Fault hold() {
        return new Hold();
    }

    /**
     * A DynamoDB error (JSON protocol), e.g. (500, "InternalServerError"), (400,
     * "ProvisionedThroughputExceededException"), (400, "ThrottlingException").
     */
    static Fault dynamoDbError(int status, String type, String message) {
        String body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"" + message + "\"}";
        return new Answer(status, reasonPhrase(status), "application/x-amz-json-1.0", body);
    }

    /**
     * An SES error (query protocol), e.g. (400, "Throttling"), (403, "ExpiredToken"),
     * (400, "MessageRejected"), (500, "InternalFailure"); status 5xx is a Receiver fault, else Sender.
     */
    static Fault sesError(int status, String code, String message) {
        String body = "<ErrorResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"><Error><Type>"
                + (status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + code + "</Code><Message>" + message
                + "</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>";
        return new Answer(status, reasonPhrase(status), "text/xml", body);
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
