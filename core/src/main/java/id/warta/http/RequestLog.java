package id.warta.http;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One structured JSON line per request. Only ids, route, status, timing and error codes are
 * written: never a body, header value, token or email address. The line is encoded here rather than
 * with Jackson, so that the scheduled functions, which log but serve no JSON, need no Jackson at all.
 */
public final class RequestLog {
    private final String function;
    private final Consumer<String> sink;

    public RequestLog(String function, Consumer<String> sink) {
        this.function = function;
        this.sink = sink;
    }

    /** Lambda sends stdout to CloudWatch Logs; resolved per line so a test can capture it. */
    public static RequestLog toStdout(String function) {
        return new RequestLog(function, line -> System.out.println(line));
    }

    public void write(String requestId, String routeKey, int status, long durationMicros, String errorCode, Throwable failure) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", status >= 500 ? "ERROR" : "INFO");
        line.put("function", function);
        line.put("requestId", requestId);
        line.put("route", routeKey);
        line.put("status", status);
        line.put("durationMs", durationMicros / 1000.0);
        if (errorCode != null) {
            line.put("error", errorCode);
        }
        if (failure != null) {
            // The class and the frame that threw tell an operator where to look; the message might
            // echo input, so it stays out.
            line.put("exception", failure.getClass().getName());
            StackTraceElement[] trace = failure.getStackTrace();
            if (trace.length > 0) {
                line.put("at", trace[0].toString());
            }
        }
        event(line);
    }

    /** A non-request event (a scheduled run, a delivery failure), with the same no-secrets rule. */
    public void event(Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("function", function);
        line.putAll(fields);
        StringBuilder json = new StringBuilder(160);
        append(json, line);
        sink.accept(json.toString());
    }

    private static void append(StringBuilder json, Object value) {
        switch (value) {
            case null -> json.append("null");
            case Number number when Double.isFinite(number.doubleValue()) -> json.append(number);
            case Number nonFinite -> json.append("null");
            case Boolean bool -> json.append(bool);
            case Map<?, ?> map -> {
                json.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.append(first ? "" : ",");
                    first = false;
                    appendString(json, String.valueOf(entry.getKey()));
                    json.append(':');
                    append(json, entry.getValue());
                }
                json.append('}');
            }
            case Collection<?> list -> {
                json.append('[');
                boolean first = true;
                for (Object item : list) {
                    json.append(first ? "" : ",");
                    first = false;
                    append(json, item);
                }
                json.append(']');
            }
            default -> appendString(json, value.toString());
        }
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
