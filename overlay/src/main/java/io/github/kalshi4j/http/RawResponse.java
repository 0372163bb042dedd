package io.github.kalshi4j.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP response as received: status, headers (case-insensitive keys) and body bytes.
 *
 * @param statusCode HTTP status
 * @param headers response headers
 * @param body body bytes, empty when there was none
 */
public record RawResponse(int statusCode, Map<String, List<String>> headers, byte[] body) {

    /** Freezes the response; header lookups ignore case. */
    public RawResponse {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null) {
                    h.computeIfAbsent(k, x -> new java.util.ArrayList<>()).addAll(v);
                }
            });
        }
        h.replaceAll((k, v) -> List.copyOf(v));
        headers = Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** True for 2xx. */
    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }

    @Override
    public String toString() {
        return "RawResponse{status=" + statusCode + ", bytes=" + body.length + "}";
    }
}
