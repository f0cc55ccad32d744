package id.warta.logging;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One structured JSON line per event (a scheduled run, a delivery failure, a request). Only ids,
 * counts, timing and codes are written: never a body, header value, token or email address. The line
 * is encoded here rather than with Jackson, so that the scheduled functions, which log but serve no
 * JSON, need no Jackson at all.
 */
public final class EventLog {
    private final String function;
    private final Consumer<String> sink;

    public EventLog(String function, Consumer<String> sink) {
        this.function = function;
        this.sink = sink;
    }

    /** Lambda sends stdout to CloudWatch Logs; resolved per line so a test can capture it. */
    public static EventLog toStdout(String function) {
        return new EventLog(function, line -> System.out.println(line));
    }

    /** Writes one line: the function's name, then the fields in their order. */
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
