package id.warta.http;

import id.warta.json.Json;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One structured JSON line per request. Only ids, route, status, timing and error codes are
 * written: never a body, header value, token or email address.
 */
public final class RequestLog {
    private final String function;
    private final Consumer<String> sink;

    public RequestLog(String function, Consumer<String> sink) {
        this.function = function;
        this.sink = sink;
    }

    public static RequestLog toStdout(String function) {
        PrintStream out = System.out;
        return new RequestLog(function, out::println);
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
        try {
            sink.accept(Json.mapper().writeValueAsString(line));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
