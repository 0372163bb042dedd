package io.github.kalshi4j.testkit.ws;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.CreateOrderRequest;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.engine.Market;
import io.github.kalshi4j.testkit.engine.MarketStatus;

import java.util.ArrayDeque;
import java.util.Deque;

/** Orders through the REST client, and a supply of tradable markets with empty books, for the WebSocket tests. */
final class Trading {

    private final Deque<String> emptyMarkets = new ArrayDeque<>();

    /** The exchange's open, non-combo markets whose books are empty, handed out one by one. */
    Trading(LocalKalshiExchange exchange) {
        for (Market m : exchange.engine().listMarkets(null)) {
            boolean emptyBook = exchange.engine().getOrderbook(m.ticker(), 0).yes().isEmpty()
                    && exchange.engine().getOrderbook(m.ticker(), 0).no().isEmpty();
            if (m.status() == MarketStatus.ACTIVE && !m.isMultivariate() && emptyBook) {
                emptyMarkets.add(m.ticker());
            }
        }
    }

    /** A market no other test has traded in. */
    String freshMarket() {
        String ticker = emptyMarkets.poll();
        if (ticker == null) {
            throw new IllegalStateException("the seed has no empty markets left");
        }
        return ticker;
    }

    static Order buyYes(KalshiClient client, String ticker, String count, String yesPrice, String clientOrderId) {
        return client.orders().createOrder(CreateOrderRequest.builder().ticker(ticker).side("yes").action("buy")
                .countFp(count).yesPriceDollars(yesPrice).clientOrderId(clientOrderId).build()).order();
    }

    static Order buyNo(KalshiClient client, String ticker, String count, String noPrice, String clientOrderId) {
        return client.orders().createOrder(CreateOrderRequest.builder().ticker(ticker).side("no").action("buy")
                .countFp(count).noPriceDollars(noPrice).clientOrderId(clientOrderId).build()).order();
    }
}
