package io.github.kalshi4j.testkit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.errors.KalshiApiException;
import io.github.kalshi4j.model.CreateOrderV2Response;
import io.github.kalshi4j.model.Deposit;
import io.github.kalshi4j.model.EventFeeChange;
import io.github.kalshi4j.model.GetAccountApiLimitsResponse;
import io.github.kalshi4j.model.GetAccountEndpointCostsResponse;
import io.github.kalshi4j.model.GetDepositsResponse;
import io.github.kalshi4j.model.GetEventFeeChangesResponse;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.engine.Seed;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Endpoint costs and API limits, deposits and withdrawals, and event fee changes, over real sockets. */
class AccountAndHistoryTest {

    private static LocalKalshiExchange exchange;
    private static String trader;
    private static String second;

    @BeforeAll
    static void start() {
        exchange = LocalKalshiExchange.builder().start();
        trader = exchange.userIds().get(0);
        second = exchange.userIds().get(1);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    @Test
    void endpointCostsListTheSeededNonDefaultCost_publicly() {
        try (KalshiClient anon = exchange.publicClient()) {
            GetAccountEndpointCostsResponse costs = anon.account().getAccountEndpointCosts();

            assertEquals(10, costs.defaultCost());
            assertEquals(1, costs.endpointCosts().size());
            assertEquals("DELETE", costs.endpointCosts().get(0).method());
            assertEquals("/portfolio/events/orders/{order_id}", costs.endpointCosts().get(0).path());
            assertEquals(2, costs.endpointCosts().get(0).cost());
        }
    }

    @Test
    void apiLimitsReportTheTiersTokenBuckets_andAGrantAboveBasic() {
        try (KalshiClient advanced = exchange.client(trader); KalshiClient basic = exchange.client(second)) {
            GetAccountApiLimitsResponse a = advanced.account().getAccountApiLimits();
            GetAccountApiLimitsResponse b = basic.account().getAccountApiLimits();

            assertEquals("advanced", a.usageTier());
            assertEquals(300, a.read().refillRate());
            assertEquals(600, a.write().bucketCapacity(), "two seconds of write budget above basic");
            assertEquals("advanced", a.grants().get(0).level());
            assertEquals("basic", b.usageTier());
            assertEquals(200, b.read().bucketCapacity());
            assertEquals(100, b.write().refillRate());
            assertTrue(b.grants().isEmpty());
        }
    }

    @Test
    void withRateLimitsOnARequestTakesItsEndpointsCostFromTheBucket() {
        Seed seed = Seed.parse("""
                {"series": [{"ticker": "KXRL", "title": "RL", "category": "Economics"}],
                 "events": [{"event_ticker": "KXRL-1", "series_ticker": "KXRL", "title": "RL"}],
                 "markets": [{"ticker": "KXRL-1-A", "event_ticker": "KXRL-1"}],
                 "accounts": [{"member_id": "m", "api_key_id": "k", "balance": "10.00"}],
                 "endpoint_costs": [{"method": "GET", "path": "/markets", "cost": 100}]}
                """);
        // The buckets refill by the auth clock: stopped, they do not refill however slowly the requests come.
        Clock stopped = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        try (LocalKalshiExchange limited = LocalKalshiExchange.builder().seed(seed).rateLimits(true)
                .authWindow(stopped, Duration.ofHours(1)).start();
             KalshiClient anon = limited.publicClient();
             KalshiClient c = KalshiClient.builder().config(limited.clientConfig().toBuilder().maxRetries(0).build())
                     .credentials(limited.credentials("m").keyId(), limited.credentials("m").privateKeyPem())
                     .build()) {
            // A basic read bucket holds 200 tokens: two 100-token reads empty it, the third must wait.
            c.markets().getMarkets();
            c.markets().getMarkets();
            KalshiApiException e = assertThrows(KalshiApiException.class, () -> c.markets().getMarkets());

            assertEquals(429, e.statusCode());
            assertEquals(100, anon.account().getAccountEndpointCosts().endpointCosts().get(0).cost(),
                    "the cost the exchange charges is the one it reports");
        }
    }

    @Test
    void depositsComeNewestFirst_pageByCursor_andARuntimeDepositJoinsThem() {
        try (KalshiClient c = exchange.client(trader)) {
            exchange.engine().deposit(trader, new BigDecimal("12.34"));
            List<Deposit> all = new ArrayList<>();
            GetDepositsResponse page = c.portfolio().getDeposits(p -> p.limit(1L));
            all.addAll(page.deposits());
            while (page.cursor() != null && !page.cursor().isEmpty()) {
                String cursor = page.cursor();
                page = c.portfolio().getDeposits(p -> p.limit(1L).cursor(cursor));
                all.addAll(page.deposits());
            }

            assertEquals(3, all.size(), all.toString());
            assertEquals(1234L, all.get(0).amountCents(), "the runtime deposit is the newest");
            assertEquals("applied", all.get(0).statusAsString());
            assertEquals("pending", all.get(1).statusAsString());
            assertEquals(2500_00L, all.get(1).amountCents());
            assertEquals(25_00L, all.get(1).feeCents());
            assertNull(all.get(1).finalizedTs(), "a pending deposit is not finalized");
            assertEquals(10_000_00L, all.get(2).amountCents());
            assertTrue(all.get(2).createdTs() < all.get(1).createdTs());
            assertEquals(1, c.portfolio().getWithdrawals().withdrawals().size());
            assertEquals(500_00L, c.portfolio().getWithdrawals().withdrawals().get(0).amountCents());
            assertEquals(1, c.portfolio().getWithdrawals(p -> p.limit(500L)).withdrawals().size(), "500 is the maximum");
        }
    }

    @Test
    void eventFeeChangesListTheSeededOverrides_byEvent_andPageByCursor() {
        try (KalshiClient anon = exchange.publicClient()) {
            GetEventFeeChangesResponse first = anon.events().getEventFeeChanges(p -> p.limit(2L));
            GetEventFeeChangesResponse rest = anon.events().getEventFeeChanges(p -> p.limit(2L).cursor(first.cursor()));
            List<EventFeeChange> ny = anon.events().getEventFeeChanges(p -> p.eventTicker("KXHIGHNY-26JUL04"))
                    .eventFeeChanges();

            assertEquals(2, first.eventFeeChanges().size());
            assertEquals(1, rest.eventFeeChanges().size());
            assertEquals("", rest.cursor());
            assertEquals(2, ny.size());
            assertEquals("quadratic", ny.get(0).feeTypeOverrideAsString());
            assertEquals(0.5, ny.get(0).feeMultiplierOverride());
            assertNull(ny.get(1).feeMultiplierOverride(), "the second change clears the override");
            assertEquals("KXHIGHNY", ny.get(0).seriesTicker());
            assertNotNull(ny.get(0).scheduledTs());
        }
    }

    @Test
    void aFeeOverrideInEffectChangesTheFeeCharged_andShowsOnTheEvent() {
        Seed seed = Seed.parse(V2OrdersTest.SEED.replace("\"accounts\":", "\"event_fee_changes\": [{\"event_ticker\":"
                + " \"KXV2-1\", \"fee_multiplier_override\": \"0.5\", \"scheduled_time\": \"-PT1H\"}], \"accounts\":"));
        try (LocalKalshiExchange ex = LocalKalshiExchange.builder().seed(seed).start();
             KalshiClient alice = ex.client("alice"); KalshiClient bob = ex.client("bob")) {
            alice.orders().createOrderV2(V2OrdersTest.order("bid", "4", "0.56").build());
            CreateOrderV2Response ask = bob.orders().createOrderV2(V2OrdersTest.order("ask", "4", "0.56").build());

            // ceil_to_cent(0.5 * 0.07 * 4 * 0.56 * 0.44) = ceil(0.034496) = $0.04, not the series' $0.07.
            assertEquals(0, new BigDecimal("0.01").compareTo(ask.averageFeePaid()), ask.toString()); // $0.04 / 4
            assertEquals(0.5, alice.events().getEvent("KXV2-1").event().feeMultiplierOverride());
        }
    }

    @Test
    void anEndpointCostForAnOperationTheSpecLacksIsRefused() {
        Seed seed = Seed.parse("""
                {"accounts": [{"member_id": "m", "api_key_id": "k"}],
                 "endpoint_costs": [{"method": "POST", "path": "/portfolio/orders", "cost": 5}]}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalKalshiExchange.builder().seed(seed).build());
        assertTrue(e.getMessage().contains("POST /portfolio/orders"), e.getMessage());
    }
}
