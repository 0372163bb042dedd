package io.github.kalshi4j.testkit.engine;

import static io.github.kalshi4j.testkit.engine.TestExchange.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class SeedTest {
    private final MutableClock clock = new MutableClock(TestExchange.START);

    private Exchange defaultExchange() {
        return Exchange.builder().seed(Seed.defaultSeed()).clock(clock).build();
    }

    @Test
    void defaultSeedHasAtLeastFiftyMarkets() {
        assertTrue(Seed.defaultSeed().markets().size() >= 50);
        assertTrue(defaultExchange().listMarkets(MarketFilter.all()).size() >= 50);
    }

    @Test
    void defaultSeedCoversTheMainCategories() {
        Set<String> categories = defaultExchange().listSeries(SeriesFilter.all()).stream()
                .map(Series::category).collect(Collectors.toSet());
        assertTrue(categories.containsAll(Set.of("Economics", "Politics", "Sports", "Crypto", "Climate and Weather")),
                categories::toString);
    }

    @Test
    void defaultSeedHasAMultivariateCollectionWithComboMarkets() {
        Exchange exchange = defaultExchange();
        List<MultivariateCollection> collections = exchange.listMultivariateCollections(null);
        assertFalse(collections.isEmpty());
        MultivariateCollection collection = collections.get(0);

        List<Market> combos = exchange.listMarkets(MarketFilter.all().withMveFilter(MveFilter.ONLY));
        assertTrue(combos.size() >= 3);
        for (Market combo : combos) {
            assertEquals(collection.collectionTicker(), combo.mveCollectionTicker());
            assertTrue(combo.mveSelectedLegs().size() >= 2);
            for (MveLeg leg : combo.mveSelectedLegs()) {
                assertTrue(collection.associatedEventTickers().contains(leg.eventTicker()));
                assertEquals(leg.eventTicker(), exchange.getMarket(leg.marketTicker()).eventTicker());
            }
        }
        List<Event> comboEvents = exchange.listEvents(EventFilter.all().withMveFilter(MveFilter.ONLY));
        assertEquals(combos.size(), comboEvents.size());
        assertTrue(comboEvents.stream().allMatch(Event::isMultivariate));
        int all = exchange.listMarkets(MarketFilter.all()).size();
        assertEquals(all - combos.size(), exchange.listMarkets(MarketFilter.all().withMveFilter(MveFilter.EXCLUDE)).size());
    }

    @Test
    void defaultSeedHasTwoDemoAccountsAndALiquidityProvider() {
        Exchange exchange = defaultExchange();
        List<Account> accounts = exchange.listAccounts();
        assertEquals(3, accounts.size());
        assertAmount("10000", exchange.getBalance(accounts.get(0).userId()).cash());
        assertAmount("5000", exchange.getBalance(accounts.get(1).userId()).cash());
        assertEquals(accounts.get(0), exchange.findAccountByApiKeyId(accounts.get(0).apiKeyId()).orElseThrow());
        assertAmount("0", exchange.getBalance(accounts.get(0).userId()).reserved());
    }

    @Test
    void defaultSeedBooksHaveRestingLiquidityThatDoesNotCross() {
        Exchange exchange = defaultExchange();
        int nonEmpty = 0;
        for (Market market : exchange.listMarkets(MarketFilter.all())) {
            Orderbook book = exchange.getOrderbook(market.ticker(), 0);
            if (book.yes().isEmpty() || book.no().isEmpty()) {
                continue;
            }
            nonEmpty++;
            BigDecimal bestYes = book.yes().get(0).price();
            BigDecimal bestNo = book.no().get(0).price();
            assertTrue(bestYes.add(bestNo).compareTo(BigDecimal.ONE) < 0, market.ticker());
            assertTrue(market.yesBid().compareTo(market.yesAsk()) < 0, market.ticker());
            assertEquals(market.yesBid(), market.previousYesBid());
        }
        assertTrue(nonEmpty >= 10, "markets with two-sided books: " + nonEmpty);
    }

    @Test
    void defaultSeedContainsOpenUnopenedClosedAndSettledMarkets() {
        Exchange exchange = defaultExchange();
        for (MarketStatusFilter status : List.of(MarketStatusFilter.OPEN, MarketStatusFilter.UNOPENED,
                MarketStatusFilter.CLOSED, MarketStatusFilter.SETTLED)) {
            assertFalse(exchange.listMarkets(MarketFilter.all().withStatus(status)).isEmpty(), status.queryValue());
        }
        Market settled = exchange.listMarkets(MarketFilter.all().withStatus(MarketStatusFilter.SETTLED)).get(0);
        assertEquals(MarketStatus.FINALIZED, settled.status());
        assertTrue(settled.result() != null && settled.settlementValue() != null);
    }

    @Test
    void demoAccountCanTradeAgainstSeededLiquidity() {
        Exchange exchange = defaultExchange();
        String trader = exchange.listAccounts().get(0).userId();
        Market market = exchange.getMarket("KXFED-26JUN-T3.75");
        // the best NO bid of the seeded book is 0.36, so YES is offered at 1 - 0.36 = 0.64
        assertAmount("0.64", market.yesAsk());

        Order order = exchange.createOrder(trader, NewOrder.limit(market.ticker(), Side.YES, Action.BUY, "10", "0.64"));

        assertEquals(OrderStatus.EXECUTED, order.status());
        // 10 * 0.64 = 6.40; fee ceil(0.07 * 10 * 0.64 * 0.36 = 0.16128) = 0.17
        assertAmount("9993.43", exchange.getBalance(trader).cash());
    }

    @Test
    void userSeedFromAStringAppliesDefaults() {
        Seed seed = Seed.parse("""
                {
                  "series": [{"ticker": "KXMINI", "title": "Mini", "category": "Science", "tags": null}],
                  "events": [{"event_ticker": "KXMINI-1", "series_ticker": "KXMINI", "title": "Mini event"}],
                  "markets": [{"ticker": "KXMINI-1-X", "event_ticker": "KXMINI-1", "mve_selected_legs": null}],
                  "accounts": [{"member_id": "m1", "api_key_id": "k1", "balance": 250.5}]
                }
                """);

        Seed.SeriesSpec series = seed.series().get(0);
        assertEquals(FeeType.QUADRATIC, series.feeType());
        assertEquals(0, BigDecimal.ONE.compareTo(series.feeMultiplier()));
        assertTrue(series.tags().isEmpty()); // JSON null is treated as empty

        Exchange exchange = Exchange.builder().seed(seed).clock(clock).build();
        Market market = exchange.getMarket("KXMINI-1-X");
        assertEquals(MarketStatus.ACTIVE, market.status());
        assertEquals(TestExchange.START.minusSeconds(86_400), market.openTime()); // default -P1D
        assertEquals(TestExchange.START.plusSeconds(30 * 86_400), market.closeTime()); // default +P30D
        assertEquals("Mini event", market.title());
        assertEquals("linear_cent", market.priceLevelStructure());
        assertTrue(market.mveSelectedLegs().isEmpty());
        assertNull(market.result());
        assertAmount("250.5", exchange.getBalance("m1").cash());
        assertEquals("basic", exchange.getAccount("m1").tier());
    }

    @Test
    void seedTimesCanBeAbsolute() {
        Seed seed = Seed.parse("""
                {
                  "series": [{"ticker": "KXA", "title": "A", "category": "Economics"}],
                  "events": [{"event_ticker": "KXA-1", "series_ticker": "KXA", "title": "A", "strike_date": "2026-03-01T00:00:00Z"}],
                  "markets": [{"ticker": "KXA-1-X", "event_ticker": "KXA-1",
                               "open_time": "2025-12-01T00:00:00Z", "close_time": "2026-03-01T00:00:00Z"}]
                }
                """);
        Exchange exchange = Exchange.builder().seed(seed).clock(clock).build();
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), exchange.getMarket("KXA-1-X").closeTime());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), exchange.getEvent("KXA-1").strikeDate());
        assertEquals(SeedTime.parse("+P1D"), SeedTime.relative(java.time.Duration.ofDays(1)));
    }

    @Test
    void unknownReferencesAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Seed.parse("""
                {
                  "series": [{"ticker": "KXA", "title": "A", "category": "Economics"}],
                  "events": [{"event_ticker": "KXA-1", "series_ticker": "KXA", "title": "A"}],
                  "markets": [{"ticker": "KXA-1-X", "event_ticker": "KXA-2"}]
                }
                """));
        assertTrue(e.getMessage().contains("KXA-2"), e.getMessage());
    }

    @Test
    void malformedSeedsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Seed.parse("{"));
        assertThrows(IllegalArgumentException.class, () -> Seed.parse("[]"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Seed.parse("{\"series\": [{\"ticker\": \"KXA\", \"category\": \"X\"}]}"));
        assertTrue(missing.getMessage().contains("series[0].title"), missing.getMessage());
        IllegalArgumentException badTime = assertThrows(IllegalArgumentException.class, () -> Seed.parse("""
                {"series": [{"ticker": "KXA", "title": "A", "category": "X"}],
                 "events": [{"event_ticker": "KXA-1", "series_ticker": "KXA", "title": "A", "strike_date": "tomorrow"}]}
                """));
        assertTrue(badTime.getMessage().contains("strike_date"), badTime.getMessage());
    }

    @Test
    void crossingInitialLiquidityIsRejected() {
        Seed seed = Seed.parse("""
                {
                  "liquidity_account": "mm",
                  "series": [{"ticker": "KXA", "title": "A", "category": "Economics"}],
                  "events": [{"event_ticker": "KXA-1", "series_ticker": "KXA", "title": "A"}],
                  "markets": [{"ticker": "KXA-1-X", "event_ticker": "KXA-1", "initial_liquidity": [
                      {"side": "yes", "price": "0.60", "count": "10"},
                      {"side": "no", "price": "0.45", "count": "10"}]}],
                  "accounts": [{"member_id": "mm", "api_key_id": "kmm", "balance": "1000"}]
                }
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Exchange.builder().seed(seed).clock(clock).build());
        assertTrue(e.getMessage().contains("post_only_cross"), e.getMessage());
    }
}
