package io.github.kalshi4j.pagination;

import io.github.kalshi4j.errors.KalshiPaginationException;
import io.github.kalshi4j.transport.OperationInfo;
import io.github.kalshi4j.transport.PageIterable;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Kalshi's cursor pagination: fetches pages lazily, one at a time, as iteration needs them, so memory stays
 * constant however many items there are. An empty or missing cursor ends the iteration; a cursor the server
 * already sent along this chain of pages (among the last 32) raises
 * {@link KalshiPaginationException} instead of looping forever. A failed fetch leaves nothing behind: calling
 * {@code nextPage()} again (or the iterator's {@code next()}) retries it.
 *
 * <pre>{@code
 * for (Market m : client.markets().getMarketsPages(p -> p.status("open").limit(1000L))) { ... }
 * long open = client.markets().getMarketsPages(p -> p.status("open")).stream().count();
 * }</pre>
 *
 * @param <R> page response type
 * @param <T> item type
 */
public final class CursorPager<R, T> implements PageIterable<R, T> {

    private final OperationInfo operation;
    private final String firstCursor;
    private final Function<String, R> fetch;
    private final Function<R, List<T>> items;
    private final Function<R, String> nextCursor;
    private final int maxPages;

    /**
     * Creates a pager.
     *
     * @param operation the list operation (for error messages)
     * @param firstCursor starting cursor, or null for the first page
     * @param fetch fetches the page at a cursor
     * @param items items of a page
     * @param nextCursor next cursor of a page
     * @param maxPages stop after this many pages (use {@link Integer#MAX_VALUE} for no cap)
     */
    public CursorPager(OperationInfo operation, String firstCursor, Function<String, R> fetch, Function<R, List<T>> items,
            Function<R, String> nextCursor, int maxPages) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.firstCursor = firstCursor == null || firstCursor.isEmpty() ? null : firstCursor;
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.items = Objects.requireNonNull(items, "items");
        this.nextCursor = Objects.requireNonNull(nextCursor, "nextCursor");
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be >= 1, got " + maxPages);
        }
        this.maxPages = maxPages;
    }

    @Override
    public Page<R, T> firstPage() {
        return new CursorPage(firstCursor, 1, new String[0]);
    }

    @Override
    public Iterable<Page<R, T>> pages() {
        return () -> new Iterator<>() {
            private CursorPage last;

            @Override
            public boolean hasNext() {
                return last == null || (last.hasNextPage() && last.number < maxPages);
            }

            @Override
            public Page<R, T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                last = last == null ? (CursorPage) firstPage() : (CursorPage) last.nextPage();
                return last;
            }
        };
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<Page<R, T>> pages = pages().iterator();
        return new Iterator<>() {
            private Iterator<T> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!pages.hasNext()) {
                        return false;
                    }
                    current = pages.next().items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    @Override
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public PageIterable<R, T> limitPages(int pages) {
        return new CursorPager<>(operation, firstCursor, fetch, items, nextCursor, pages);
    }

    /**
     * How many of the most recent cursors along a page chain are checked against the next cursor. A server bug
     * repeats a recent cursor (the same one, or one a few pages back); a loop longer than this is not detected,
     * which keeps each page's memory constant however long the walk.
     */
    static final int LOOP_WINDOW = 32;

    private final class CursorPage implements Page<R, T> {
        private final R response;
        private final List<T> pageItems;
        private final String next;
        private final int number;
        /** The cursors used to fetch this page and its ancestors, newest last, at most {@link #LOOP_WINDOW}. */
        private final String[] chain;

        /**
         * Fetches the page at {@code cursor}. Nothing is recorded before the fetch succeeds, so a failed fetch
         * can be retried by calling {@code nextPage()} again; each page carries only its own chain, so walking
         * on from an earlier page again is no false loop.
         */
        CursorPage(String cursor, int number, String[] ancestors) {
            this.number = number;
            this.response = fetch.apply(cursor);
            List<T> list = items.apply(response);
            this.pageItems = list == null ? List.of() : list;
            String n = nextCursor.apply(response);
            this.next = n == null || n.isEmpty() ? null : n;
            this.chain = cursor == null ? ancestors : append(ancestors, cursor);
            if (next != null && Arrays.asList(chain).contains(next)) {
                // A server bug can hand back a cursor it already gave: following it would loop forever.
                throw new KalshiPaginationException(operation.operationId(), next, number);
            }
        }

        private String[] append(String[] cursors, String cursor) {
            int keep = Math.min(cursors.length, LOOP_WINDOW - 1);
            String[] out = Arrays.copyOfRange(cursors, cursors.length - keep, cursors.length + 1);
            out[keep] = cursor;
            return out;
        }

        @Override
        public List<T> items() {
            return pageItems;
        }

        @Override
        public R response() {
            return response;
        }

        @Override
        public String nextCursor() {
            return next;
        }

        @Override
        public boolean hasNextPage() {
            return next != null;
        }

        @Override
        public Page<R, T> nextPage() {
            if (next == null) {
                throw new NoSuchElementException(operation.operationId() + ": this is the last page");
            }
            // Only a bounded window of cursors is carried forward, never earlier pages: memory stays constant.
            return new CursorPage(next, number + 1, chain);
        }
    }
}
