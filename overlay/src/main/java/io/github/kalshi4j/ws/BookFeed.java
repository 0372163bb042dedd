package io.github.kalshi4j.ws;

import java.util.ArrayList;
import java.util.List;

/**
 * One market's shared order book feed: the internal {@code orderbook_delta} subscription behind every
 * {@link OrderbookHandle} for that market, so several handles cost one server subscription. Touched
 * only on the dispatch thread.
 */
final class BookFeed {

    final String marketTicker;
    final Subscription<WsMessage> subscription;
    final LocalOrderbook book;
    final List<OrderbookHandle> handles = new ArrayList<>();

    BookFeed(String marketTicker, Subscription<WsMessage> subscription, LocalOrderbook book) {
        this.marketTicker = marketTicker;
        this.subscription = subscription;
        this.book = book;
    }

    /** Hands the book's current view to every handle, e.g. after an update or a staleness change. */
    void publish() {
        if (handles.isEmpty()) {
            return;
        }
        OrderbookView view = book.snapshot();
        for (OrderbookHandle h : handles) {
            h.offer(view);
        }
    }

    void end(Throwable failure) {
        for (OrderbookHandle h : handles) {
            h.end(failure);
        }
        handles.clear();
    }
}
