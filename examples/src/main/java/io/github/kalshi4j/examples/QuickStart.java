package io.github.kalshi4j.examples;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.CancelOrderV2Response;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.CreateOrderV2Response;
import io.github.kalshi4j.model.Market;
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

            // Place a small limit order, then cancel it: a bid buys YES, an ask sells YES (buys NO), both at the YES
            // price. Prices are dollars, counts contracts: strings or BigDecimal.
            CreateOrderV2Response placed = client.orders().createOrderV2(CreateOrderV2Request.builder()
                    .ticker(first.ticker())
                    .side("bid").count("1").price("0.0100")
                    .timeInForce("good_till_canceled").selfTradePreventionType("taker_at_cross")
                    .clientOrderId(UUID.randomUUID().toString())
                    .build());
            System.out.println("placed " + placed.orderId() + ", resting " + placed.remainingCount());
            CancelOrderV2Response canceled = client.orders().cancelOrderV2(placed.orderId());
            System.out.println("canceled " + canceled.reducedBy() + " contracts");
        }
        // quick-start:end
    }
}
