// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/KalshiTransport.mustache, not this file.
package io.github.kalshi4j.transport;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The seam between generated endpoint stubs and the HTTP machinery: each stub describes one exchange as an
 * {@link ApiRequest} and hands it here. The kalshi4j overlay implements it (retry, signing, logging, HTTP,
 * decoding); tests and record/replay wrap it.
 *
 * <p>Implementations must be thread-safe.
 */
public interface KalshiTransport {

    /**
     * Performs the exchange, blocking until the response is decoded.
     *
     * @param request the request the stub built
     * @param responseType the body type to decode ({@code Void} to ignore the body)
     * @return the decoded response
     */
    <T> ApiResponse<T> execute(ApiRequest request, Class<T> responseType);

    /**
     * Performs the exchange asynchronously.
     *
     * @param request the request the stub built
     * @param responseType the body type to decode ({@code Void} to ignore the body)
     * @return a future completed with the decoded response or failed with the error
     */
    <T> CompletableFuture<ApiResponse<T>> executeAsync(ApiRequest request, Class<T> responseType);

    /**
     * A lazy, cursor-driven iteration over every page of a list operation.
     *
     * @param operation the list operation
     * @param firstCursor where to start; null for the first page
     * @param fetchPage fetches the page at a cursor (null for the first page)
     * @param items extracts the items of a page
     * @param nextCursor extracts the next cursor of a page; empty or null means the last page
     * @return an iterable over items that fetches pages only as iteration needs them
     */
    <R, T> PageIterable<R, T> paginate(OperationInfo operation, String firstCursor, Function<String, R> fetchPage,
            Function<R, List<T>> items, Function<R, String> nextCursor);
}
