package io.github.kalshi4j.testkit.internal;

import io.github.kalshi4j.api.Operations;
import io.github.kalshi4j.transport.OperationInfo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Maps requests to the spec's operations (from the generated {@link Operations}, so a spec bump adds routes) and
 * operations to handlers. An operation without a handler answers 501 with a Kalshi-shaped error.
 */
public final class Router {

    /** What a handler answers: a status and a body model (or null for no body). */
    public record Reply(int status, Object body) {
        /** 200 with a body. */
        public static Reply ok(Object body) {
            return new Reply(200, body);
        }

        /** 201 with a body. */
        public static Reply created(Object body) {
            return new Reply(201, body);
        }

        /** 204 without a body. */
        public static Reply noContent() {
            return new Reply(204, null);
        }
    }

    /** A matched route. */
    public record Match(OperationInfo operation, Map<String, String> pathParams) { }

    private record Route(OperationInfo operation, String[] segments, int literals) { }

    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Function<HttpCall, Reply>> handlers = new HashMap<>();

    /** Builds routes for every operation of the pinned spec. */
    public Router() {
        for (OperationInfo op : Operations.all()) {
            String[] segments = op.pathTemplate().substring(1).split("/");
            int literals = 0;
            for (String s : segments) {
                if (!s.startsWith("{")) {
                    literals++;
                }
            }
            routes.add(new Route(op, segments, literals));
        }
        // Literal segments win over parameters: /markets/trades is not the market "trades".
        routes.sort(Comparator.comparingInt((Route r) -> -r.literals()));
    }

    /** Registers the handler of an operation (by the spec's operationId). */
    public Router on(String operationId, Function<HttpCall, Reply> handler) {
        if (Operations.all().stream().noneMatch(o -> o.operationId().equals(operationId))) {
            throw new IllegalArgumentException("the pinned spec has no operation " + operationId);
        }
        handlers.put(operationId, handler);
        return this;
    }

    /** The handler of an operation, or null when the exchange does not model it. */
    public Function<HttpCall, Reply> handler(String operationId) {
        return handlers.get(operationId);
    }

    /** Operations without a handler (they answer 501), sorted. */
    public Set<String> unmodeled() {
        Set<String> out = new TreeSet<>();
        for (OperationInfo op : Operations.all()) {
            if (!handlers.containsKey(op.operationId())) {
                out.add(op.operationId());
            }
        }
        return out;
    }

    /** Finds the operation for a method and a path relative to the API base; null when none. */
    public Match match(String method, String relativePath) {
        String[] parts = relativePath.startsWith("/") ? relativePath.substring(1).split("/", -1) : relativePath.split("/", -1);
        boolean pathMatched = false;
        for (Route r : routes) {
            if (r.segments().length != parts.length) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            boolean ok = true;
            for (int i = 0; i < parts.length && ok; i++) {
                String seg = r.segments()[i];
                if (seg.startsWith("{")) {
                    if (parts[i].isEmpty()) {
                        ok = false;
                    } else {
                        params.put(seg.substring(1, seg.length() - 1), URLDecoder.decode(parts[i].replace("+", "%2B"),
                                StandardCharsets.UTF_8));
                    }
                } else {
                    ok = seg.equals(parts[i]);
                }
            }
            if (ok) {
                pathMatched = true;
                if (r.operation().method().equals(method)) {
                    return new Match(r.operation(), params);
                }
            }
        }
        if (pathMatched) {
            throw new ApiError(405, "method_not_allowed", method + " is not allowed on " + relativePath, null);
        }
        return null;
    }
}
