package id.warta.http;

import id.warta.logging.EventLog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One structured JSON line per request. Only ids, route, status, timing and error codes are
 * written: never a body, header value, token or email address (the line itself is an {@link EventLog} line).
 */
public final class RequestLog {
    private final EventLog log;

    public RequestLog(String function, Consumer<String> sink) {
        this.log = new EventLog(function, sink);
    }

    /** Lambda sends stdout to CloudWatch Logs; resolved per line so a test can capture it. */
    public static RequestLog toStdout(String function) {
        return new RequestLog(function, line -> System.out.println(line));
    }

    public void write(String requestId, String routeKey, int status, long durationMicros, String errorCode, Throwable failure) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", status >= 500 ? "ERROR" : "INFO");
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
        log.event(line);
    }
}
