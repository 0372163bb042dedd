package io.github.kalshi4j.examples;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.CreateOrderRequest;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.model.OrderbookCountFp;

import java.util.UUID;

/** The README's quick start, verbatim (a test runs it against the local exchange and checks the README). */
public final class QuickStart {

    private QuickStart() {
    }

    /** Runs the quick start with the environment's credentials. */
    public static void main(String[] args) {
        // quick-start:begin
        try (KalshiClient client = KalshiClient.fromEnv()) {
            // Every open market, fetched page by page as the loop advances.
            Market first = null;
            for (Market m : client.markets().getMarketsPages(p -> p.status("open").limit(200L))) {
                System.out.printf("%-28s yes bid %s  yes ask %s%n", m.ticker(), m.yesBid(), m.yesAsk());
                first = first == null ? m : first;
            }

            // One order book: bids on both sides as [price, count] decimals.
            OrderbookCountFp book = client.markets().getMarketOrderbook(first.ticker()).orderbookFp();
            System.out.println("YES bids " + book.yesDollars() + "  NO bids " + book.noDollars());

            // Place a small limit order, then cancel it. Prices are dollars, counts contracts: strings or BigDecimal.
            Order order = client.orders().createOrder(CreateOrderRequest.builder()
                    .ticker(first.ticker())
                    .side("yes").action("buy")
                    .countFp("1").yesPriceDollars("0.0100")
                    .clientOrderId(UUID.randomUUID().toString())
                    .build()).order();
            System.out.println("placed " + order.orderId() + " " + order.statusAsString());
            Order canceled = client.orders().cancelOrder(order.orderId()).order();
            System.out.println("canceled: " + canceled.statusAsString());
        }
        // quick-start:end
    }
}
