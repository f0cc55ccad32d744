package id.warta.local.faults;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A request as the fault proxy saw it. {@link #operation()} is the AWS operation: the part of the
 * JSON protocol's X-Amz-Target after the dot (DynamoDB's "PutItem"), or the query protocol's Action
 * form field (SES's "SendEmail"); for anything else, "METHOD /path".
 */
public record ProxiedRequest(String method, String target, String amzTarget, String contentType, String body) {

    static ProxiedRequest of(HttpMessage message) {
        return new ProxiedRequest(message.method(), message.target(), message.header("X-Amz-Target"),
                message.header("Content-Type"), new String(message.body(), StandardCharsets.UTF_8));
    }

    public String operation() {
        if (amzTarget != null) {
            return amzTarget.substring(amzTarget.lastIndexOf('.') + 1);
        }
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            for (String field : body.split("&")) {
                if (field.startsWith("Action=")) {
                    return URLDecoder.decode(field.substring("Action=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        int query = target.indexOf('?');
        return method + " " + (query < 0 ? target : target.substring(0, query));
    }
}
