package io.github.kalshi4j.http;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request exactly as it goes on the wire: method, full URI, headers (signing headers included once
 * signed) and body bytes. Immutable; {@link #withHeader} returns a copy.
 *
 * @param operationId the spec operation this request performs (for logs and errors)
 * @param method upper-case HTTP method
 * @param uri the full URI, query included
 * @param headers request headers in send order
 * @param body the body bytes, or null for none
 * @param timeout response timeout for this attempt
 */
public record RawRequest(String operationId, String method, URI uri, Map<String, String> headers, byte[] body,
        Duration timeout) {

    /** Validates and freezes the request. */
    public RawRequest {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(timeout, "timeout");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
    }

    /** A copy with one header set (replacing a header of the same name, ignoring case). */
    public RawRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                h.put(k, v);
            }
        });
        h.put(name, value);
        return new RawRequest(operationId, method, uri, h, body, timeout);
    }

    /** The raw (still percent-encoded) path, without query. */
    public String path() {
        return uri.getRawPath();
    }

    /** The raw query string, or null. */
    public String query() {
        return uri.getRawQuery();
    }

    /** A header value, ignoring case, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        // Headers are left out: once signed they hold the key id and signature.
        return operationId + " " + method + " " + uri;
    }
}
