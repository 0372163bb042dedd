package io.github.kalshi4j.errors;

import io.github.kalshi4j.internal.Excerpts;

/**
 * A list endpoint returned a cursor it had already returned, which would make pagination loop forever.
 */
public final class KalshiPaginationException extends KalshiException {

    private static final long serialVersionUID = 1L;

    private final String operationId;
    private final String cursor;
    private final int page;

    /** Creates the exception for {@code cursor} seen again on page {@code page} (1-based). */
    public KalshiPaginationException(String operationId, String cursor, int page) {
        super((operationId == null ? "Kalshi API" : operationId) + ": server repeated cursor \""
                + Excerpts.oneLine(cursor, 80) + "\" on page " + page + "; stopped to avoid an endless loop");
        this.operationId = operationId;
        this.cursor = cursor;
        this.page = page;
    }

    /** SDK operation being paged. */
    public String operationId() {
        return operationId;
    }

    /** The cursor that was returned twice. */
    public String cursor() {
        return cursor;
    }

    /** 1-based number of the page whose response repeated the cursor. */
    public int page() {
        return page;
    }
}
