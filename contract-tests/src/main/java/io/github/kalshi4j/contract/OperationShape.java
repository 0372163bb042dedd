package io.github.kalshi4j.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One REST operation.
 *
 * @param id the spec's operationId
 * @param method the HTTP method, upper-case
 * @param path the path template
 * @param tag the first spec tag (the SDK's endpoint group)
 * @param authenticated whether Kalshi's signed headers are required
 * @param params parameters by {@link ParamShape#key()}
 * @param body the JSON request body type, or null when there is none
 * @param response the JSON type of the first 2xx response, or null when there is none
 * @param stubProblems on the compiled side: why the operation is not fully reachable (blocking method, async twin,
 *     request builder); always empty for a spec
 */
public record OperationShape(String id, String method, String path, String tag, boolean authenticated,
        Map<String, ParamShape> params, Types body, Types response, List<String> stubProblems) {

    /** A type in both notations; {@code spec} is null on the compiled side. */
    public record Types(TypeRef spec, TypeRef java) { }

    /** Freezes the collections. */
    public OperationShape {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        stubProblems = List.copyOf(stubProblems);
    }

    /** {@code GET /markets}. */
    public String endpoint() {
        return method + " " + path;
    }
}
