// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/OperationInfo.mustache, not this file.
package io.github.kalshi4j.transport;

import java.util.Objects;

/**
 * What the spec says about one operation, for transports, logging and contract tests.
 *
 * @param operationId the spec's operationId, e.g. {@code GetMarkets}
 * @param tag the spec tag that groups it
 * @param method the HTTP method, upper-case
 * @param pathTemplate the path relative to the API base, with {@code {name}} placeholders
 * @param authenticated whether the spec requires Kalshi's signed headers
 * @param javaMethod the Java method name of its stub
 */
public record OperationInfo(String operationId, String tag, String method, String pathTemplate,
        boolean authenticated, String javaMethod) {

    /** Validates that every component is present. */
    public OperationInfo {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(javaMethod, "javaMethod");
    }

    /** True for methods the HTTP spec calls idempotent and safe to repeat: GET, HEAD, OPTIONS. */
    public boolean isSafe() {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
