package io.github.kalshi4j.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiSubscriptionException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Changes a subscription's markets ({@code update_subscription} with {@code add_markets} or {@code delete_markets})
 * on every sid behind it, keeping the subscription's markets and books in step with what the server confirms. A
 * subscription not live on a connection takes the change into its next subscribe. Actor thread only.
 */
final class MarketUpdates {

    private final Commands commands;
    private final Map<String, BookFeed> bookFeeds;

    /** @param bookFeeds the markets held by order book handles, which no user subscription may add */
    MarketUpdates(Commands commands, Map<String, BookFeed> bookFeeds) {
        this.commands = commands;
        this.bookFeeds = bookFeeds;
    }

    /** Adds ({@code add_markets}) or deletes {@code tickers}; {@code f} completes with the subscription's markets. */
    void update(Subscription<?> sub, String action, List<String> tickers, CompletableFuture<List<String>> f) {
        if (sub.isClosed()) {
            f.completeExceptionally(new KalshiWebSocketException("the subscription is closed"));
            return;
        }
        if (sub.pendingSubscribeId != 0) {
            // The subscribe in flight carries the old markets; change them once it is confirmed.
            CompletableFuture<Void> bound = new CompletableFuture<>();
            bound.whenComplete((v, e) -> {
                if (e != null) {
                    f.completeExceptionally(e);
                } else {
                    update(sub, action, tickers, f);
                }
            });
            sub.afterBound.add(bound);
            return;
        }
        List<String> before = new ArrayList<>(sub.markets);
        LinkedHashSet<String> after = new LinkedHashSet<>(sub.markets);
        boolean deleting = !"add_markets".equals(action);
        if (!deleting) {
            if (!sub.isInternal() && sub.channels().contains(Channel.ORDERBOOK_DELTA)) {
                for (String t : tickers) {
                    if (bookFeeds.containsKey(t)) {
                        f.completeExceptionally(Subscriptions.heldByHandle(t));
                        return;
                    }
                }
            }
            after.addAll(tickers);
        } else {
            after.removeAll(tickers);
            if (after.isEmpty() && !before.isEmpty()) {
                f.completeExceptionally(new IllegalArgumentException("deleting " + tickers
                        + " would leave no markets, which means all markets on resubscribe; unsubscribe instead"));
                return;
            }
        }
        sub.setMarkets(after);
        if (sub.sids.isEmpty()) {
            // Not live on a connection: the next subscribe carries the new markets.
            if (deleting) {
                BookSync.drop(sub, tickers);
            }
            f.complete(List.copyOf(sub.markets));
            return;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (Long sid : sub.sids.values()) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            send(sub, sid, action, tickers, before, ack);
        }
        CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> {
            if (e != null) {
                f.completeExceptionally(e.getCause() != null ? e.getCause() : e);
            } else {
                f.complete(List.copyOf(sub.marketTickers()));
            }
        });
    }

    private void send(Subscription<?> sub, long sid, String action, List<String> tickers, List<String> before,
            CompletableFuture<Void> ack) {
        boolean deleting = !"add_markets".equals(action);
        int id = commands.nextId();
        commands.send(new Commands.OnOk(id, "update_subscription") {
            @Override
            void ok(JsonNode frame) {
                JsonNode tickersNode = frame.path("msg").get("market_tickers");
                if (tickersNode != null && tickersNode.isArray()) {
                    List<String> confirmed = new ArrayList<>();
                    tickersNode.forEach(t -> confirmed.add(t.asText()));
                    sub.setMarkets(confirmed);
                }
                if (deleting) {
                    // Only now: until the server agrees, it keeps sending these markets' deltas.
                    BookSync.drop(sub, tickers);
                }
                ack.complete(null);
            }

            @Override
            void fail(KalshiException error) {
                if (error instanceof KalshiSubscriptionException) {
                    // The server kept the markets, so their books stay (fresh) with them.
                    sub.setMarkets(before);
                }
                ack.completeExceptionally(error);
            }

            @Override
            void connectionLost(KalshiWebSocketException cause) {
                // The resubscribe after reconnecting carries the new markets.
                if (deleting) {
                    BookSync.drop(sub, tickers);
                }
                ack.complete(null);
            }
        }, Commands.updateSubscription(id, sid, action, tickers));
    }
}
