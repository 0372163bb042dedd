package io.github.kalshi4j.it;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.errors.KalshiApiException;
import io.github.kalshi4j.model.Fill;
import io.github.kalshi4j.model.MarketPosition;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.model.Settlement;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.engine.Seed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Matching, fees and settlement through the SDK and the exchange's REST API, with expectations computed by hand
 * (the arithmetic is in the comments). One quadratic-fee market, no seeded liquidity, two members with $1,000 each.
 */
class TradingScenariosTest {

    private static final String SEED = """
            {"series": [{"ticker": "KXT", "title": "Test series", "category": "Economics", "fee_type": "quadratic"}],
             "events": [{"event_ticker": "KXT-1", "series_ticker": "KXT", "title": "Test event"}],
             "markets": [{"ticker": "KXT-1-A", "event_ticker": "KXT-1", "title": "Will A happen?"}],
             "accounts": [
               {"member_id": "alice", "api_key_id": "key-alice", "balance": "1000.00"},
               {"member_id": "bob", "api_key_id": "key-bob", "balance": "1000.00"}]}
            """;

    private SpecCheckedExchange checked;
    private KalshiClient alice;
    private KalshiClient bob;

    @BeforeEach
    void start() {
        checked = new SpecCheckedExchange(LocalKalshiExchange.builder().seed(Seed.parse(SEED)));
        alice = checked.exchange.client("alice");
        bob = checked.exchange.client("bob");
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        checked.close();
        checked.assertAllResponsesConform();
    }

    private static Order buy(KalshiClient c, String side, String count, String price) {
        String id = c.orders().createOrderV2(V2Orders.buy("KXT-1-A", side, count, price).build()).orderId();
        return c.orders().getOrder(id).order();
    }

    private static long balanceCents(KalshiClient c) {
        return c.portfolio().getBalance().balance();
    }

    @Test
    void yesBidAndNoBid_crossWhenTheySumToAtLeastOneDollar_atTheMakersPrice() {
        Order maker = buy(alice, "yes", "10", "0.5600");
        assertEquals("resting", maker.statusAsString());
        // 0.56 + 0.43 = 0.99 < 1: no cross.
        Order noCross = buy(bob, "no", "5", "0.4300");
        assertEquals("resting", noCross.statusAsString());
        // 0.56 + 0.44 = 1.00: cross, 10 contracts at the maker's 0.56.
        Order taker = buy(bob, "no", "10", "0.4400");
        assertEquals(0, new BigDecimal("10").compareTo(taker.fillCountFp()));
        List<Fill> fills = bob.portfolio().getFills(p -> p.ticker("KXT-1-A")).fills();
        assertEquals(1, fills.size());
        assertEquals(new BigDecimal("0.5600"), fills.get(0).yesPriceDollars());
        // Taker fee: ceil_to_cent(0.07 * 10 * 0.56 * 0.44) = ceil(0.17248) = $0.18.
        assertEquals(0, new BigDecimal("0.18").compareTo(fills.get(0).feeCost()));
        // Bob: 1000.00 - 10 * 0.44 (cost) - 0.18 (fee) - 5 * 0.43 (reserved by his resting order) = 993.27.
        assertEquals(99327, balanceCents(bob));
        // Alice: makers pay no fee on quadratic series: 1000.00 - 10 * 0.56 = 994.40.
        assertEquals(99440, balanceCents(alice));
        MarketPosition a = alice.portfolio().getPositions(p -> p.ticker("KXT-1-A")).marketPositions().get(0);
        MarketPosition b = bob.portfolio().getPositions(p -> p.ticker("KXT-1-A")).marketPositions().get(0);
        assertEquals(0, new BigDecimal("10").compareTo(a.positionFp()), "YES is positive");
        assertEquals(0, new BigDecimal("-10").compareTo(b.positionFp()), "NO is negative");
    }

    @Test
    void priceTimePriority_betterPriceFirst_thenEarlierOrder() {
        Order first = buy(alice, "yes", "3", "0.5000");
        Order second = buy(alice, "yes", "3", "0.5000");
        Order better = buy(alice, "yes", "3", "0.5100");
        // NO at 0.50 crosses YES at >= 0.50: fills 0.51 (3) first, then the earlier 0.50 (1 of 3).
        buy(bob, "no", "4", "0.5000");
        assertEquals(0, new BigDecimal("3").compareTo(alice.orders().getOrder(better.orderId()).order().fillCountFp()));
        assertEquals(0, new BigDecimal("1").compareTo(alice.orders().getOrder(first.orderId()).order().fillCountFp()));
        assertEquals(0, BigDecimal.ZERO.compareTo(alice.orders().getOrder(second.orderId()).order().fillCountFp()));
        // The second 0.50 order waits behind the 2 contracts left of the first.
        assertEquals(0, new BigDecimal("2").compareTo(alice.orders().getOrderQueuePosition(second.orderId()).queuePositionFp()));
    }

    @Test
    void settlement_paysOneDollarPerWinningContract_andClearsPositions() {
        buy(alice, "yes", "10", "0.3000");
        buy(bob, "no", "10", "0.7000");
        // Before settlement: alice 1000 - 3.00 = 997.00; bob 1000 - 7.00 - fee ceil(0.07*10*0.3*0.7 = 0.147) 0.15 = 992.85.
        assertEquals(99700, balanceCents(alice));
        assertEquals(99285, balanceCents(bob));
        checked.exchange.settle("KXT-1-A", "yes");
        // YES wins: alice receives 10 * $1 = $10 -> 1007.00; bob's NO pays nothing -> 992.85.
        assertEquals(100700, balanceCents(alice));
        assertEquals(99285, balanceCents(bob));
        Settlement s = alice.portfolio().getSettlements().settlements().get(0);
        assertEquals("yes", s.marketResultAsString());
        assertEquals(1000, s.revenue(), "revenue is in cents");
        assertTrue(alice.portfolio().getPositions(p -> p.countFilter("position")).marketPositions().isEmpty());
        assertEquals("finalized", alice.markets().getMarket("KXT-1-A").market().statusAsString());
    }

    @Test
    void insufficientBalance_isRejectedWithKalshisCode_andChangesNothing() {
        KalshiApiException e = assertThrows(KalshiApiException.class, () -> buy(alice, "yes", "5000", "0.9000"));
        assertEquals(400, e.statusCode());
        assertEquals("insufficient_balance", e.errorCode());
        assertEquals(100000, balanceCents(alice));
    }
}
