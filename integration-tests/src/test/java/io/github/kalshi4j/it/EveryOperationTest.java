package io.github.kalshi4j.it;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.CreateOrderGroupRequest;
import io.github.kalshi4j.model.EmptyResponse;
import io.github.kalshi4j.model.AmendOrderV2Request;
import io.github.kalshi4j.model.BatchCancelOrdersV2Request;
import io.github.kalshi4j.model.BatchCancelOrdersV2RequestOrdersInner;
import io.github.kalshi4j.model.BatchCreateOrdersV2Request;
import io.github.kalshi4j.model.BatchCreateOrdersV2Response;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.DecreaseOrderV2Request;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.model.UpdateOrderGroupLimitRequest;
import io.github.kalshi4j.testkit.engine.Market;
import io.github.kalshi4j.testkit.engine.MarketStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the operations the other scenarios do not reach through the SDK (amend, decrease, batches, order groups,
 * queue positions, listings of events, series and combos, account limits, ...), so that with them the suite
 * validates a 2xx body of every modelled operation against the spec (checked by {@link SpecConformanceSuiteTest}).
 */
class EveryOperationTest {

    private static SpecCheckedExchange checked;
    private static KalshiClient alice;
    private static KalshiClient bob;
    private static final List<String> freshMarkets = new ArrayList<>();

    @BeforeAll
    static void start() {
        checked = SpecCheckedExchange.start();
        alice = checked.exchange.client(checked.exchange.userIds().get(0));
        bob = checked.exchange.client(checked.exchange.userIds().get(1));
        for (Market m : checked.exchange.engine().listMarkets(null)) {
            var book = checked.exchange.engine().getOrderbook(m.ticker(), 0);
            if (m.status() == MarketStatus.ACTIVE && book.yes().isEmpty() && book.no().isEmpty() && !m.isMultivariate()) {
                freshMarkets.add(m.ticker());
            }
        }
        assertTrue(freshMarkets.size() >= 4, "the default seed has open markets with empty books");
    }

    @AfterAll
    static void stop() {
        alice.close();
        bob.close();
        checked.close();
        checked.assertAllResponsesConform();
    }

    private static CreateOrderV2Request.Builder bid(String ticker, String count, String yesPrice) {
        return V2Orders.buy(ticker, "yes", count, yesPrice);
    }

    /** Places an order and reads it back as the order listing shows it. */
    private static Order place(io.github.kalshi4j.client.KalshiClient c, CreateOrderV2Request request) {
        return c.orders().getOrder(c.orders().createOrderV2(request).orderId()).order();
    }

    @Test
    void amendDecreaseAndQueuePositionsOfARestingOrder() {
        String market = freshMarkets.get(0);
        Order first = place(alice, bid(market, "10", "0.2000").build());
        Order second = place(bob, bid(market, "5", "0.2000").build());

        // Bob's 5 wait behind Alice's 10 at the same price.
        assertEquals(0, new BigDecimal("10").compareTo(bob.orders().getOrderQueuePosition(second.orderId()).queuePositionFp()));
        assertEquals(1, bob.orders().getOrderQueuePositions(p -> p.marketTickers(market)).queuePositions().size());

        alice.orders().amendOrderV2(first.orderId(), AmendOrderV2Request.builder().ticker(market).side("bid")
                .price("0.2100").count("10").build());
        assertEquals(0, new BigDecimal("0.2100").compareTo(alice.orders().getOrder(first.orderId()).order().yesPriceDollars()));
        var decreased = alice.orders().decreaseOrderV2(first.orderId(), DecreaseOrderV2Request.builder().reduceBy("4").build());
        assertEquals(0, new BigDecimal("6").compareTo(decreased.remainingCount()));
        assertEquals(first.orderId(), alice.orders().getOrder(first.orderId()).order().orderId());

        // Resting: 6 @ 0.21 = $1.26 = 126 cents.
        assertEquals(126, alice.portfolio().getPortfolioRestingOrderTotalValue().totalRestingOrderValue());
        assertTrue(alice.orders().getOrders(p -> p.ticker(market).status("resting")).orders().stream()
                .anyMatch(o -> o.orderId().equals(first.orderId())));
    }

    @Test
    void batchCreateAndBatchCancel() {
        String market = freshMarkets.get(1);
        BatchCreateOrdersV2Response created = alice.orders().batchCreateOrdersV2(BatchCreateOrdersV2Request.builder()
                .addOrders(bid(market, "1", "0.1000").build()).addOrders(bid(market, "2", "0.1100").build()).build());
        assertEquals(2, created.orders().size());
        List<String> ids = created.orders().stream().map(o -> o.orderId()).toList();
        var canceled = alice.orders().batchCancelOrdersV2(BatchCancelOrdersV2Request.builder()
                .orders(ids.stream().map(id -> BatchCancelOrdersV2RequestOrdersInner.builder().orderId(id).build()).toList())
                .build());
        assertEquals(2, canceled.orders().size());
        assertTrue(ids.stream().allMatch(id -> alice.orders().getOrder(id).order().statusAsString().equals("canceled")));

        // Cancel-all: every resting order of the member goes.
        alice.orders().createOrderV2(bid(market, "1", "0.1000").build());
        alice.orders().createOrderV2(bid(market, "1", "0.0900").build());
        alice.orders().cancelAllOrders(p -> { });
        assertTrue(alice.orders().getOrders(p -> p.ticker(market).status("resting")).orders().isEmpty());
    }

    @Test
    void orderGroupsFromCreationToDeletion() {
        String group = alice.orderGroups().createOrderGroup(CreateOrderGroupRequest.builder().contractsLimitFp("5").build())
                .orderGroupId();
        assertNotNull(group);
        assertTrue(alice.orderGroups().getOrderGroups(p -> { }).orderGroups().stream()
                .anyMatch(g -> g.id().equals(group)));
        alice.orders().createOrderV2(bid(freshMarkets.get(2), "2", "0.1000").orderGroupId(group).build());
        assertEquals(1, alice.orderGroups().getOrderGroup(group, p -> { }).orders().size());
        assertNotNull(alice.orderGroups().updateOrderGroupLimit(group,
                UpdateOrderGroupLimitRequest.builder().contractsLimitFp("8").build()));
        EmptyResponse empty = EmptyResponse.builder().build();
        alice.orderGroups().triggerOrderGroup(group, empty, p -> { });
        alice.orderGroups().resetOrderGroup(group, empty, p -> { });
        alice.orderGroups().deleteOrderGroup(group, p -> { });
        assertFalse(alice.orderGroups().getOrderGroups(p -> { }).orderGroups().stream().anyMatch(g -> g.id().equals(group)));
    }

    @Test
    void tradesFillsAndSettlementsOfASettledMarket() {
        String market = freshMarkets.get(3);
        alice.orders().createOrderV2(bid(market, "3", "0.4000").build());
        bob.orders().createOrderV2(V2Orders.buy(market, "no", "3", "0.6000").build());
        assertEquals(1, alice.markets().getTrades(p -> p.ticker(market)).trades().size());
        assertEquals(1, alice.portfolio().getFills(p -> p.ticker(market)).fills().size());
        checked.exchange.settle(market, "yes");
        var settlements = alice.portfolio().getSettlements(p -> p.ticker(market)).settlements();
        assertEquals(1, settlements.size());
        assertEquals(1, bob.portfolio().getPositions(p -> p.ticker(market)).marketPositions().size());
    }

    @Test
    void referenceDataSeriesEventsAndCombos() {
        var event = alice.events().getEvent("KXFED-26JUN", p -> { });
        assertFalse(event.markets().isEmpty());
        assertEquals("KXFED", alice.markets().getSeries("KXFED", p -> { }).series().ticker());
        assertFalse(alice.markets().getSeriesList(p -> { }).series().isEmpty());
        assertFalse(alice.events().getEvents(p -> p.limit(5)).events().isEmpty());
        String collection = alice.multivariate().getMultivariateEventCollections(p -> { }).multivariateContracts().get(0)
                .collectionTicker();
        assertEquals(collection, alice.multivariate().getMultivariateEventCollection(collection).multivariateContract()
                .collectionTicker());
        assertNotNull(alice.events().getMultivariateEvents(p -> p.collectionTicker(collection)).events());
        String ticker = event.markets().get(0).ticker();
        assertEquals(1, alice.markets().getMarketOrderbooks(p -> p.tickers(ticker)).orderbooks().size());
        assertNotNull(alice.markets().getMarketOrderbook(ticker).orderbookFp());
    }

    @Test
    void exchangeAndAccountEndpoints() {
        assertNotNull(alice.exchange().getUserDataTimestamp().asOfTime());
        // The tier the seed gives the first member, with its token buckets (the live shape, see the API notes).
        String tier = checked.exchange.engine().getAccount(checked.exchange.userIds().get(0)).tier();
        var limits = alice.account().getAccountApiLimits();
        assertEquals(tier, limits.usageTier());
        assertNotNull(limits.read());
        assertNotNull(limits.read().refillRate());
        // The endpoint costs the limiter would charge: at least one endpoint costs more than the default.
        var costs = alice.account().getAccountEndpointCosts();
        assertTrue(costs.endpointCosts().stream().anyMatch(c -> c.cost() != null && !c.cost().equals(costs.defaultCost())),
                costs.toString());
        // The default seed's funding history and fee changes.
        assertFalse(alice.portfolio().getDeposits(p -> { }).deposits().isEmpty());
        assertNotNull(alice.portfolio().getWithdrawals(p -> { }).withdrawals());
        assertNotNull(alice.events().getEventFeeChanges(p -> { }).eventFeeChanges());
        assertTrue(alice.exchange().getExchangeStatus().exchangeActive());
    }
}
