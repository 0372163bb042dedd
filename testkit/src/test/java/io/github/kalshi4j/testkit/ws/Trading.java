package io.github.kalshi4j.testkit.ws;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.engine.Market;
import io.github.kalshi4j.testkit.engine.MarketStatus;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * V2 orders through the REST client, and a supply of tradable markets with empty books, for the WebSocket tests.
 * Buying NO at q is a V2 ask at the YES price {@code 1 - q}: the exchange books it as a NO bid at q.
 */
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

    /** A good-till-canceled V2 order, read back as the order GetOrder reports. */
    static Order place(KalshiClient client, String ticker, String side, String count, String price, String clientOrderId) {
        String orderId = client.orders().createOrderV2(CreateOrderV2Request.builder().ticker(ticker).side(side)
                .count(count).price(price).timeInForce("good_till_canceled").selfTradePreventionType("taker_at_cross")
                .clientOrderId(clientOrderId).build()).orderId();
        return client.orders().getOrder(orderId).order();
    }

    static Order buyYes(KalshiClient client, String ticker, String count, String yesPrice, String clientOrderId) {
        return place(client, ticker, "bid", count, yesPrice, clientOrderId);
    }

    static Order buyNo(KalshiClient client, String ticker, String count, String noPrice, String clientOrderId) {
        return place(client, ticker, "ask", count, BigDecimal.ONE.subtract(new BigDecimal(noPrice)).toPlainString(),
                clientOrderId);
    }
}
