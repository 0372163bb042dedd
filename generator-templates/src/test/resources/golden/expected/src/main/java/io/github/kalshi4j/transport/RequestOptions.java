// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/RequestOptions.mustache, not this file.
package io.github.kalshi4j.transport;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-call options accepted by every endpoint method: a response timeout, extra headers and a retry override.
 * Unset values fall back to the client's configuration. Immutable.
 */
public final class RequestOptions {

    /** No overrides: the client's defaults apply. */
    public static final RequestOptions NONE = new RequestOptions(new Builder());

    private final Duration timeout;
    private final Map<String, String> headers;
    private final Integer maxRetries;
    private final Map<String, Object> attributes;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.maxRetries = b.maxRetries;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.headers.putAll(headers);
        b.maxRetries = maxRetries;
        b.attributes.putAll(attributes);
        return b;
    }

    /** The response timeout for this call, or null for the client's. */
    public Duration timeout() {
        return timeout;
    }

    /** Extra headers sent with this call (never the signing headers, which the client owns). */
    public Map<String, String> headers() {
        return headers;
    }

    /** Retries allowed for this call, or null for the client's; 0 disables retries. */
    public Integer maxRetries() {
        return maxRetries;
    }

    /** Values transports and interceptors may read (for instance a safe-retry marker); never sent. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestOptions r && Objects.equals(timeout, r.timeout) && headers.equals(r.headers)
                && Objects.equals(maxRetries, r.maxRetries) && attributes.equals(r.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, headers, maxRetries, attributes);
    }

    @Override
    public String toString() {
        return "RequestOptions{timeout=" + timeout + ", headers=" + headers.keySet() + ", maxRetries=" + maxRetries + "}";
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private Duration timeout;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Integer maxRetries;
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        /** Response timeout for this call. */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Adds a header to this call. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Retries allowed for this call; 0 disables them. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** Sets an attribute for transports to read. */
        public Builder attribute(String name, Object value) {
            attributes.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** The options. */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
