// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/ApiResponse.mustache, not this file.
package io.github.kalshi4j.transport;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A decoded response with its HTTP metadata: status, headers (including Kalshi's rate-limit headers), the
 * request id, how many attempts it took, and the body. Immutable.
 */
public final class ApiResponse<T> {

    private final int statusCode;
    private final Map<String, List<String>> headers;
    private final T body;
    private final String requestId;
    private final int attempts;

    /**
     * The body of a response future, failing with the same exception the response future fails with: a
     * {@code KalshiNotFoundException} reaches {@code exceptionally} as itself, not wrapped in a
     * {@link CompletionException} as {@code thenApply(ApiResponse::body)} would wrap it. Cancelling the returned
     * future cancels the response future.
     */
    public static <T> CompletableFuture<T> bodyOf(CompletableFuture<ApiResponse<T>> response) {
        CompletableFuture<T> body = new CompletableFuture<>();
        response.whenComplete((r, e) -> {
            if (e == null) {
                body.complete(r.body());
            } else {
                body.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            }
        });
        body.whenComplete((v, e) -> {
            if (body.isCancelled()) {
                response.cancel(true);
            }
        });
        return body;
    }

    /**
     * Creates a response.
     *
     * @param statusCode HTTP status
     * @param headers response headers (looked up case-insensitively)
     * @param body decoded body, null for empty answers
     * @param requestId the server's request id, or null
     * @param attempts attempts made, 1 when the first one succeeded
     */
    public ApiResponse(int statusCode, Map<String, List<String>> headers, T body, String requestId, int attempts) {
        this.statusCode = statusCode;
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        }
        this.headers = Collections.unmodifiableMap(h);
        this.body = body;
        this.requestId = requestId;
        this.attempts = attempts;
    }

    /** HTTP status code. */
    public int statusCode() {
        return statusCode;
    }

    /** All headers, keys case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The decoded body (null for operations that answer without one). */
    public T body() {
        return body;
    }

    /** The server's request id, if it sent one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Attempts it took, counting the first; above 1 means retries happened. */
    public int attempts() {
        return attempts;
    }

    /** A copy with another body type (used by transports that post-process bodies). */
    public <U> ApiResponse<U> withBody(U newBody) {
        return new ApiResponse<>(statusCode, headers, newBody, requestId, attempts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiResponse<?> r && statusCode == r.statusCode && attempts == r.attempts
                && headers.equals(r.headers) && Objects.equals(body, r.body) && Objects.equals(requestId, r.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, headers, body, requestId, attempts);
    }

    @Override
    public String toString() {
        return "ApiResponse{status=" + statusCode + ", requestId=" + requestId + ", attempts=" + attempts + ", body=" + body + "}";
    }
}
