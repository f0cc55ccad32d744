package id.warta.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway HTTP API route selection over the template's HttpApi events: the most specific
 * matching route wins (literal segments before {parameters}, {greedy+} last), and anything
 * unmatched goes to the $default route.
 */
public final class RouteTable {
    private final List<SamTemplate.HttpRoute> routes;
    private final SamTemplate.HttpRoute defaultRoute;

    public RouteTable(List<SamTemplate.HttpRoute> all) {
        this.routes = all.stream()
                .filter(r -> r.path() != null)
                .sorted(Comparator.comparingInt(RouteTable::specificity).reversed())
                .toList();
        this.defaultRoute = all.stream().filter(r -> r.path() == null).findFirst().orElse(null);
    }

    public record Match(SamTemplate.HttpRoute route, Map<String, String> pathParameters) {
    }

    public Optional<Match> match(String method, String rawPath) {
        List<String> segments = segments(rawPath);
        for (SamTemplate.HttpRoute route : routes) {
            if (!route.method().equals("ANY") && !route.method().equals(method)) {
                continue;
            }
            Map<String, String> parameters = matchPath(segments(route.path()), segments);
            if (parameters != null) {
                return Optional.of(new Match(route, parameters));
            }
        }
        return Optional.ofNullable(defaultRoute).map(r -> new Match(r, Map.of()));
    }

    private static Map<String, String> matchPath(List<String> template, List<String> actual) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= actual.size()) {
                    return null;
                }
                parameters.put(part.substring(1, part.length() - 2), String.join("/", actual.subList(i, actual.size())));
                return parameters;
            }
            if (i >= actual.size()) {
                return null;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                if (actual.get(i).isEmpty()) {
                    return null;
                }
                parameters.put(part.substring(1, part.length() - 1), decode(actual.get(i)));
            } else if (!part.equals(actual.get(i))) {
                return null;
            }
        }
        return template.size() == actual.size() ? parameters : null;
    }

    private static int specificity(SamTemplate.HttpRoute route) {
        int score = 0;
        for (String part : segments(route.path())) {
            score += part.endsWith("+}") ? 0 : part.startsWith("{") ? 1 : 3;
        }
        return score * 100 + segments(route.path()).size();
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return new ArrayList<>(List.of(trimmed.split("/", -1)));
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
