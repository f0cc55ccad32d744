package id.warta.http;

import id.warta.logging.EventLog;
import id.warta.metrics.Dimension;
import id.warta.metrics.Measurements;
import id.warta.metrics.Metric;
import id.warta.metrics.Metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One structured JSON line per request. Only ids, route, status, timing and error codes are
 * written: never a body, header value, token or email address (the line itself is an {@link EventLog} line).
 * A request answered 429, whichever rule refused it, or stopped by a limit behind an answer the
 * contract fixes ({@link ApiResponse#limitedSilently}), is also reported as the metric
 * {@code RateLimited} of its route key: the one place that sees every answer of every API function.
 */
public final class RequestLog {
    private static final int TOO_MANY_REQUESTS = 429;

    private final EventLog log;
    private final Metrics metrics;

    public RequestLog(String function, Consumer<String> sink, Metrics metrics) {
        this.log = new EventLog(function, sink);
        this.metrics = metrics;
    }

    /** Lambda sends stdout to CloudWatch Logs; resolved per line so a test can capture it. */
    public static RequestLog toStdout(String function, Metrics metrics) {
        return new RequestLog(function, line -> System.out.println(line), metrics);
    }

    /** @param limitedSilently a client limit stopped the request though its status does not say so */
    public void write(String requestId, String routeKey, int status, boolean limitedSilently, long durationMicros,
                      String errorCode, Throwable failure) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", status >= 500 ? "ERROR" : "INFO");
        line.put("requestId", requestId);
        line.put("route", routeKey);
        line.put("status", status);
        line.put("durationMs", durationMicros / 1000.0);
        if (errorCode != null) {
            line.put("error", errorCode);
        }
        if (limitedSilently) {
            line.put("limited", true);
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
        if (status == TOO_MANY_REQUESTS || limitedSilently) {
            // The route key as the template declares it (never the path): as many values as routes.
            metrics.publish(Measurements.by(Dimension.ROUTE, routeKey).put(Metric.RATE_LIMITED, 1));
        }
    }
}
