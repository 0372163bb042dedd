package io.github.kalshi4j.testkit;

import io.github.kalshi4j.api.OrdersApi;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.errors.KalshiNotFoundException;
import io.github.kalshi4j.errors.KalshiUnauthorizedException;
import io.github.kalshi4j.errors.KalshiApiException;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.CreateOrderV2Response;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.model.Order;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalKalshiExchangeSmokeTest {

    @Test
    void startsOnAFreePort_servesMarkets_andMatchesACrossingOrder() {
        long t0 = System.nanoTime();
        try (LocalKalshiExchange ex = LocalKalshiExchange.builder().start()) {
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("local exchange started in " + startMs + " ms on " + ex.restUrl());
            List<String> users = ex.userIds();
            try (KalshiClient alice = ex.client(users.get(0)); KalshiClient bob = ex.client(users.get(1))) {
                List<Market> open = alice.markets().getMarketsPages(p -> p.status("open").limit(7L)).stream().toList();
                assertTrue(open.size() >= 10, "open markets: " + open.size());
                String ticker = open.get(0).ticker();
                CreateOrderV2Response bid = alice.orders().createOrderV2(CreateOrderV2Request.builder().ticker(ticker)
                        .side("bid").count("3").price("0.4100").timeInForce("good_till_canceled")
                        .selfTradePreventionType("taker_at_cross").clientOrderId("a-1").build());
                Order resting = alice.orders().getOrder(bid.orderId()).order();
                assertEquals("resting", resting.statusAsString());
                CreateOrderV2Response taker = bob.orders().createOrderV2(CreateOrderV2Request.builder().ticker(ticker)
                        .side("ask").count("2").price("0.4000").timeInForce("immediate_or_cancel")
                        .selfTradePreventionType("taker_at_cross").build());
                assertEquals(0, new BigDecimal("2").compareTo(taker.fillCount()), "taker filled: " + taker);
                assertFalse(alice.portfolio().getFills().fills().isEmpty());
                assertThrows(KalshiNotFoundException.class, () -> alice.markets().getMarket("NO-SUCH-MARKET"));
                KalshiApiException e = assertThrows(KalshiApiException.class,
                        () -> alice.communications().getCommunicationsID());
                assertEquals(501, e.statusCode());
            }
            try (KalshiClient anon = ex.publicClient()) {
                assertTrue(anon.exchange().getExchangeStatus().exchangeActive());
            }
            try (KalshiClient stranger = KalshiClient.builder().config(ex.clientConfig())
                    .credentials("unknown-key", ex.credentials(users.get(0)).privateKeyPem()).build()) {
                assertThrows(KalshiUnauthorizedException.class, () -> stranger.portfolio().getBalance());
            }
        }
    }

}
