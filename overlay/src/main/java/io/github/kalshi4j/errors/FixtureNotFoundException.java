package io.github.kalshi4j.errors;

/**
 * Replay mode received a request for which no recorded fixture exists.
 */
public final class FixtureNotFoundException extends KalshiException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String path;
    private final String query;

    /** Creates the exception for the unmatched request; {@code query} may be {@code null} or empty. */
    public FixtureNotFoundException(String method, String path, String query) {
        super("no recorded fixture for " + method + " " + path
                + (query == null || query.isEmpty() ? "" : "?" + query));
        this.method = method;
        this.path = path;
        this.query = query;
    }

    /** HTTP method of the unmatched request. */
    public String method() {
        return method;
    }

    /** Path of the unmatched request. */
    public String path() {
        return path;
    }

    /** Query string of the unmatched request without the {@code ?}; may be {@code null}. */
    public String query() {
        return query;
    }
}
