// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/ApiRequest.mustache, not this file.
package io.github.kalshi4j.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP exchange as a stub describes it: the operation, the path with its parameters already
 * percent-encoded, the query parameters in the spec's array encoding, and the body model. Immutable.
 */
public final class ApiRequest {

    /**
     * One query parameter; values are raw (unencoded) text. {@code joined} marks a comma-joined array, whose
     * separating commas are sent as literal commas (its items cannot contain one).
     */
    public record QueryParam(String name, String value, boolean joined) {

        /** A scalar parameter, or one item of a repeated array. */
        public QueryParam(String name, String value) {
            this(name, value, false);
        }
    }

    private final OperationInfo operation;
    private final String path;
    private final List<QueryParam> query;
    private final Object body;
    private final RequestOptions options;

    private ApiRequest(OperationInfo operation, String path, List<QueryParam> query, Object body, RequestOptions options) {
        this.operation = operation;
        this.path = path;
        this.query = query;
        this.body = body;
        this.options = options;
    }

    /** A builder for a request of {@code operation}. */
    public static Builder builder(OperationInfo operation) {
        return new Builder(operation);
    }

    /** The operation this request performs. */
    public OperationInfo operation() {
        return operation;
    }

    /** The HTTP method, upper-case. */
    public String method() {
        return operation.method();
    }

    /** The path relative to the API base URL (e.g. {@code /markets/KXBTC-25%2F01}), percent-encoded. */
    public String path() {
        return path;
    }

    /** Query parameters in send order (repeated names for exploded arrays). */
    public List<QueryParam> query() {
        return query;
    }

    /** The encoded query string without {@code ?}, empty when there are no parameters. */
    public String queryString() {
        StringBuilder sb = new StringBuilder();
        for (QueryParam q : query) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(PathEncoder.queryComponent(q.name())).append('=');
            if (q.joined()) {
                // tickers=A,B as Kalshi documents it (form style, explode false); each item is still escaped.
                String[] items = q.value().split(",", -1);
                for (int i = 0; i < items.length; i++) {
                    sb.append(i == 0 ? "" : ",").append(PathEncoder.queryComponent(items[i]));
                }
            } else {
                sb.append(PathEncoder.queryComponent(q.value()));
            }
        }
        return sb.toString();
    }

    /** The request body model, or null when the operation has none. */
    public Object body() {
        return body;
    }

    /** Per-call options. */
    public RequestOptions options() {
        return options;
    }

    /** A copy with other options. */
    public ApiRequest withOptions(RequestOptions options) {
        return new ApiRequest(operation, path, query, body, Objects.requireNonNull(options, "options"));
    }

    @Override
    public String toString() {
        String qs = queryString();
        return operation.operationId() + " " + method() + " " + path + (qs.isEmpty() ? "" : "?" + qs);
    }

    /** Builds {@link ApiRequest}s; used by the generated stubs. */
    public static final class Builder {
        private final OperationInfo operation;
        private final Map<String, String> pathParams = new LinkedHashMap<>();
        private final List<QueryParam> query = new ArrayList<>();
        private Object body;
        private RequestOptions options = RequestOptions.NONE;

        private Builder(OperationInfo operation) {
            this.operation = Objects.requireNonNull(operation, "operation");
        }

        /** Sets a path parameter; null, empty, {@code .} and {@code ..} values are rejected before any I/O. */
        public Builder pathParam(String name, Object value) {
            if (value == null) {
                throw new IllegalArgumentException(operation.operationId() + ": path parameter " + name + " is required");
            }
            String text = PathEncoder.text(value);
            if (text.isEmpty()) {
                throw new IllegalArgumentException(operation.operationId() + ": path parameter " + name + " must not be empty");
            }
            // '.' is unreserved, so these pass the encoder unchanged, and any URL normalization (ours, a proxy's,
            // the server's) would turn /markets/.. into another resource than the one asked for.
            if (text.equals(".") || text.equals("..")) {
                throw new IllegalArgumentException(operation.operationId() + ": path parameter " + name + " must not be \""
                        + text + "\" (a dot segment would address another path)");
            }
            pathParams.put(name, text);
            return this;
        }

        /** Adds a scalar query parameter; null means absent. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.add(new QueryParam(name, PathEncoder.text(value)));
            }
            return this;
        }

        /**
         * Adds an array query parameter: repeated ({@code explode}) or comma-joined. Items must be non-empty and
         * must not contain a comma (Kalshi would split or reject them); null or empty lists mean absent.
         */
        public Builder queryArray(String name, List<?> values, boolean explode) {
            if (values == null || values.isEmpty()) {
                return this;
            }
            List<String> items = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                String text = v == null ? "" : PathEncoder.text(v);
                if (text.isEmpty()) {
                    throw new IllegalArgumentException(operation.operationId() + ": " + name + "[" + i + "] is empty");
                }
                if (text.indexOf(',') >= 0) {
                    throw new IllegalArgumentException(operation.operationId() + ": " + name + "[" + i + "] \"" + text
                            + "\" contains a comma, which Kalshi treats as a separator");
                }
                items.add(text);
            }
            if (explode) {
                items.forEach(t -> query.add(new QueryParam(name, t)));
            } else {
                query.add(new QueryParam(name, String.join(",", items), true));
            }
            return this;
        }

        /** Sets the body model. */
        public Builder body(Object body) {
            this.body = body;
            return this;
        }

        /** Sets per-call options; null means none. */
        public Builder options(RequestOptions options) {
            this.options = options == null ? RequestOptions.NONE : options;
            return this;
        }

        /** The request, with path parameters substituted and percent-encoded. */
        public ApiRequest build() {
            String template = operation.pathTemplate();
            StringBuilder path = new StringBuilder(template.length() + 32);
            int i = 0;
            while (i < template.length()) {
                int open = template.indexOf('{', i);
                if (open < 0) {
                    path.append(template, i, template.length());
                    break;
                }
                int close = template.indexOf('}', open);
                path.append(template, i, open);
                String name = template.substring(open + 1, close);
                String value = pathParams.get(name);
                if (value == null) {
                    throw new IllegalArgumentException(operation.operationId() + ": path parameter " + name + " is required");
                }
                path.append(PathEncoder.segment(value));
                i = close + 1;
            }
            return new ApiRequest(operation, path.toString(), Collections.unmodifiableList(new ArrayList<>(query)), body, options);
        }
    }
}
