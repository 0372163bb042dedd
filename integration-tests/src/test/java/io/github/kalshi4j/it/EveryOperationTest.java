package io.github.kalshi4j.it;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.AmendOrderRequest;
import io.github.kalshi4j.model.BatchCancelOrdersRequest;
import io.github.kalshi4j.model.BatchCreateOrdersRequest;
import io.github.kalshi4j.model.BatchCreateOrdersResponse;
import io.github.kalshi4j.model.CreateOrderGroupRequest;
import io.github.kalshi4j.model.CreateOrderRequest;
import io.github.kalshi4j.model.DecreaseOrderRequest;
import io.github.kalshi4j.model.EmptyResponse;
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

    private static CreateOrderRequest.Builder bid(String ticker, String count, String yesPrice) {
        return CreateOrderRequest.builder().ticker(ticker).side("yes").action("buy").countFp(count).yesPriceDollars(yesPrice);
    }

    @Test
    void amendDecreaseAndQueuePositionsOfARestingOrder() {
        String market = freshMarkets.get(0);
        Order first = alice.orders().createOrder(bid(market, "10", "0.2000").build()).order();
        Order second = bob.orders().createOrder(bid(market, "5", "0.2000").build()).order();

        // Bob's 5 wait behind Alice's 10 at the same price.
        assertEquals(0, new BigDecimal("10").compareTo(bob.orders().getOrderQueuePosition(second.orderId()).queuePositionFp()));
        assertEquals(1, bob.orders().getOrderQueuePositions(p -> p.marketTickers(market)).queuePositions().size());

        Order amended = alice.orders().amendOrder(first.orderId(), AmendOrderRequest.builder().ticker(market).side("yes")
                .action("buy").yesPriceDollars("0.2100").countFp("10").build()).order();
        assertEquals(0, new BigDecimal("0.2100").compareTo(amended.yesPriceDollars()));
        Order decreased = alice.orders().decreaseOrder(first.orderId(), DecreaseOrderRequest.builder().reduceByFp("4").build())
                .order();
        assertEquals(0, new BigDecimal("6").compareTo(decreased.remainingCountFp()));
        assertEquals(first.orderId(), alice.orders().getOrder(first.orderId()).order().orderId());

        // Resting: 6 @ 0.21 = $1.26 = 126 cents.
        assertEquals(126, alice.portfolio().getPortfolioRestingOrderTotalValue().totalRestingOrderValue());
        assertTrue(alice.orders().getOrders(p -> p.ticker(market).status("resting")).orders().stream()
                .anyMatch(o -> o.orderId().equals(first.orderId())));
    }

    @Test
    void batchCreateAndBatchCancel() {
        String market = freshMarkets.get(1);
        BatchCreateOrdersResponse created = alice.orders().batchCreateOrders(BatchCreateOrdersRequest.builder()
                .addOrders(bid(market, "1", "0.1000").build()).addOrders(bid(market, "2", "0.1100").build()).build());
        assertEquals(2, created.orders().size());
        List<String> ids = created.orders().stream().map(o -> o.order().orderId()).toList();
        var canceled = alice.orders().batchCancelOrders(BatchCancelOrdersRequest.builder().ids(ids).build());
        assertEquals(2, canceled.orders().size());
        assertTrue(canceled.orders().stream().allMatch(o -> o.order().statusAsString().equals("canceled")));
    }

    @Test
    void orderGroupsFromCreationToDeletion() {
        String group = alice.orderGroups().createOrderGroup(CreateOrderGroupRequest.builder().contractsLimitFp("5").build())
                .orderGroupId();
        assertNotNull(group);
        assertTrue(alice.orderGroups().getOrderGroups(p -> { }).orderGroups().stream()
                .anyMatch(g -> g.id().equals(group)));
        alice.orders().createOrder(bid(freshMarkets.get(2), "2", "0.1000").orderGroupId(group).build());
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
        alice.orders().createOrder(bid(market, "3", "0.4000").build());
        bob.orders().createOrder(CreateOrderRequest.builder().ticker(market).side("no").action("buy").countFp("3")
                .noPriceDollars("0.6000").build());
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
        assertNotNull(alice.exchange().getExchangeAnnouncements());
        assertNotNull(alice.exchange().getUserDataTimestamp().asOfTime());
        // The tier the seed gives the first member, with its token buckets (the live shape, see the API notes).
        String tier = checked.exchange.engine().getAccount(checked.exchange.userIds().get(0)).tier();
        var limits = alice.account().getAccountApiLimits();
        assertEquals(tier, limits.usageTier());
        assertNotNull(limits.read());
        assertTrue(alice.exchange().getExchangeStatus().exchangeActive());
    }
}
