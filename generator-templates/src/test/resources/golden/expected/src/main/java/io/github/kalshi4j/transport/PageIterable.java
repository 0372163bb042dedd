// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/PageIterable.mustache, not this file.
package io.github.kalshi4j.transport;

import java.util.List;
import java.util.stream.Stream;

/**
 * The items of every page of a list operation, fetched lazily: iterating never holds more than one page in
 * memory. Usable in a for-loop, as a {@link Stream}, or page by page.
 *
 * @param <R> the response type of one page
 * @param <T> the item type
 */
public interface PageIterable<R, T> extends Iterable<T> {

    /** One fetched page. */
    interface Page<R, T> {
        /** The items on this page; never null. */
        List<T> items();

        /** The decoded response of this page. */
        R response();

        /** The cursor for the next page, or null on the last page. */
        String nextCursor();

        /** True when another page follows. */
        boolean hasNextPage();

        /** Fetches the next page. @throws java.util.NoSuchElementException on the last page */
        Page<R, T> nextPage();
    }

    /** The first page (fetched now). */
    Page<R, T> firstPage();

    /** The pages, lazily. */
    Iterable<Page<R, T>> pages();

    /** The items as a sequential stream; closing it early stops fetching. */
    Stream<T> stream();

    /** The same iteration, stopping after at most {@code maxPages} pages. */
    PageIterable<R, T> limitPages(int maxPages);
}
