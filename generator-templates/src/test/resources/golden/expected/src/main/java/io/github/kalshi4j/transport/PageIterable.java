// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/PageIterable.mustache, not this file.
package io.github.kalshi4j.transport;

import java.util.List;
import java.util.stream.Stream;

/**
 * The items of every page of a list operation, fetched lazily: iterating never holds more than one page in
 * memory. Usable in a for-loop, as a {@link Stream}, page by page, or handed whole to a {@link Sink} with
 * {@link #export(Sink)} (the {@code kalshi4j-tabular} module's CSV and Arrow writers are such sinks).
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

    /**
     * Something that consumes every page of a list operation, as {@link #export(Sink)} hands them over: a writer,
     * a loader, an aggregate. Implemented outside the SDK (for instance {@code Tabular.csv(path)} and
     * {@code Tabular.arrow(path)} of {@code kalshi4j-tabular}), so the SDK itself depends on none of them.
     *
     * @param <T> the item type it accepts
     * @param <X> what it returns once every page is consumed
     */
    @FunctionalInterface
    interface Sink<T, X> {
        /**
         * Consumes the pages, fetched lazily as it iterates, and returns its result.
         *
         * @param pages the pages, in order; iterating fetches them one at a time
         * @return the sink's result
         */
        X consume(Iterable<? extends Page<?, ? extends T>> pages);
    }

    /**
     * Hands every page, fetched lazily, to a sink and returns its result; for example
     * {@code client.historical().getTradesPages(p -> p.ticker(t)).export(Tabular.arrow(Path.of("trades.arrow")))}.
     *
     * @param sink where the pages go
     * @param <X> the sink's result type
     * @return what the sink returns
     */
    default <X> X export(Sink<? super T, X> sink) {
        return sink.consume(pages());
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
