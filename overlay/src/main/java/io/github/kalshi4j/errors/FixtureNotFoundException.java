package io.github.kalshi4j.errors;

import java.util.List;

/**
 * Replay mode received a request for which no recorded fixture exists.
 */
public final class FixtureNotFoundException extends KalshiException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String path;
    private final String query;
    private final List<String> nearestRecorded;

    /** Creates the exception for the unmatched request; {@code query} may be {@code null} or empty. */
    public FixtureNotFoundException(String method, String path, String query) {
        this(method, path, query, List.of());
    }

    /**
     * Creates the exception for the unmatched request, listing the recorded requests that come closest (each as
     * {@code "METHOD /path?query"}) so a changed parameter or path is easy to spot.
     */
    public FixtureNotFoundException(String method, String path, String query, List<String> nearestRecorded) {
        super(describe(method, path, query, nearestRecorded));
        this.method = method;
        this.path = path;
        this.query = query;
        this.nearestRecorded = nearestRecorded == null ? List.of() : List.copyOf(nearestRecorded);
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

    /** The closest recorded requests, best first, as {@code "METHOD /path?query"}; empty when not known. */
    public List<String> nearestRecorded() {
        return nearestRecorded;
    }

    private static String describe(String method, String path, String query, List<String> nearest) {
        StringBuilder sb = new StringBuilder("no recorded fixture for ").append(method).append(' ').append(path);
        if (query != null && !query.isEmpty()) {
            sb.append('?').append(query);
        }
        if (nearest != null && !nearest.isEmpty()) {
            sb.append("; nearest recorded: ").append(String.join(", ", nearest));
        }
        return sb.toString();
    }
}
