package io.github.kalshi4j.testkit.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kalshi4j.testkit.FrameValidator;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.SpecValidation;
import io.github.kalshi4j.testkit.SpecValidator;
import io.github.kalshi4j.testkit.engine.MarketStatus;
import io.github.kalshi4j.ws.model.SubscribedResponsePayload;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The index channels of the later AsyncAPI (cfbenchmarks_value, cfbenchmarks_value_5hz, pyth_value) fed by values a
 * test publishes, and multivariate_market_lifecycle fed by the engine; every frame is checked against the pinned
 * AsyncAPI by the exchange's own validation. Frames are read as JSON: the generated models type the Unix-millisecond
 * members of these payloads as int (the spec says only "integer"), which cannot hold them.
 */
class WsIndexChannelsTest {

    private static final Duration QUIET = Duration.ofMillis(200);
    /**
     * A quarter-hour close a day ahead: explicit source timestamps must come after those the random walk stamps now,
     * whichever test runs first.
     */
    private static final long CLOSE = ((System.currentTimeMillis() + 86_400_000L) / 900_000L + 1) * 900_000L;

    private static LocalKalshiExchange exchange;
    private static SpecValidation validation;
    private static String alice;

    @BeforeAll
    static void start() {
        validation = new SpecValidation(SpecValidator.locate(), FrameValidator.locate());
        exchange = LocalKalshiExchange.builder().specValidation(validation).start();
        alice = exchange.userIds().get(0);
    }

    @AfterAll
    static void stop() {
        exchange.close();
        validation.assertConforms();
        for (String type : List.of("cfbenchmarks_value", "cfbenchmarks_value_5hz", "cfbenchmarks_value_indexlist",
                "cfbenchmarks_value_5hz_indexlist", "pyth_value", "pyth_value_underlying_list",
                "multivariate_market_lifecycle", "ok")) {
            assertTrue(validation.validatedFrames().containsKey(type), () -> type + " was never validated: "
                    + validation.validatedFrames());
        }
    }

    private static int subscribe(WsTestClient ws, Map<String, ?> params) {
        int id = ws.subscribe(params);
        return ws.reply(id, "subscribed").as(SubscribedResponsePayload.class).msg().sid();
    }

    @Test
    void aPublishedValueReachesTheSubscribersOfItsIndex_withTheTrailingAverageOfTheTicksBefore() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            int sid = subscribe(ws, Map.of("channels", List.of("cfbenchmarks_value"), "index_ids", List.of("ETHUSD_RTI")));
            long t0 = CLOSE - 600_000;

            assertTrue(exchange.indexFeeds().publishCfBenchmarks("ETHUSD_RTI", new BigDecimal("3500.10"), t0));
            exchange.indexFeeds().publishCfBenchmarks("BRTI", new BigDecimal("68000.12"), t0);
            JsonNode first = ws.next("cfbenchmarks_value").json();
            assertTrue(exchange.indexFeeds().publishCfBenchmarks("ETHUSD_RTI", new BigDecimal("3500.30"), t0 + 1_000));
            JsonNode second = ws.next("cfbenchmarks_value").json();

            assertEquals(sid, first.path("sid").asInt());
            assertEquals(1, first.path("seq").asInt());
            assertEquals(2, second.path("seq").asInt());
            assertEquals("ETHUSD_RTI", first.path("msg").path("index_id").asText());
            assertEquals(t0, first.path("msg").path("received_at").asLong());
            assertTrue(first.path("msg").path("data").asText().contains("\"value\":\"3500.10\""));
            // No tick before the first: the average falls back to the value itself, over an empty window.
            assertEquals("3500.10000000", first.path("msg").path("avg_60s_data").path("value").asText());
            assertEquals(0, first.path("msg").path("avg_60s_data").path("window_size").asInt());
            assertEquals("3500.10000000", second.path("msg").path("avg_60s_data").path("value").asText());
            assertEquals(1, second.path("msg").path("avg_60s_data").path("window_size").asInt());
            assertEquals(t0 + 1_000, second.path("msg").path("avg_60s_data").path("window_end_ts_exclusive").asLong());
            assertFalse(second.path("msg").has("last_60s_windowed_average_15min"), "ten minutes before the close");
            ws.assertQuiet(QUIET);
        }
    }

    @Test
    void inTheLastMinuteBeforeAQuarterHourCloseTheValueCarriesThatMinutesAverage_andStaleTicksAreIgnored() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            subscribe(ws, Map.of("channels", List.of("cfbenchmarks_value"), "index_ids", List.of("SOLUSD_RTI")));
            long t = CLOSE - 30_000;

            exchange.indexFeeds().publishCfBenchmarks("SOLUSD_RTI", new BigDecimal("150.00"), t - 45_000);
            exchange.indexFeeds().publishCfBenchmarks("SOLUSD_RTI", new BigDecimal("151.00"), t - 1_000);
            exchange.indexFeeds().publishCfBenchmarks("SOLUSD_RTI", new BigDecimal("152.00"), t);
            boolean stale = exchange.indexFeeds().publishCfBenchmarks("SOLUSD_RTI", new BigDecimal("999.00"), t);

            assertFalse(stale, "a source timestamp not after the last one is ignored");
            assertFalse(ws.next("cfbenchmarks_value").json().path("msg").has("last_60s_windowed_average_15min"));
            ws.next("cfbenchmarks_value");
            JsonNode last = ws.next("cfbenchmarks_value").json().path("msg");
            JsonNode quarter = last.path("last_60s_windowed_average_15min");
            assertEquals(2, quarter.path("window_size").asInt(), "the two ticks of the last minute, this one included");
            assertEquals("151.50000000", quarter.path("value").asText());
            assertEquals(CLOSE - 60_000, quarter.path("window_start_ts_ms").asLong());
            assertEquals(2, last.path("avg_60s_data").path("window_size").asInt(), "both earlier ticks trail it");
            ws.assertQuiet(QUIET);
        }
    }

    @Test
    void theFiveHzChannelCarriesOnlyItsIndices_andIndexlistNamesThem() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            int sid = subscribe(ws, Map.of("channels", List.of("cfbenchmarks_value_5hz"), "index_ids", List.of("all")));
            int list = ws.command("update_subscription", Map.of("sid", sid, "action", "indexlist"));
            JsonNode ids = ws.reply(list, "cfbenchmarks_value_5hz_indexlist").msg().path("index_ids");
            assertEquals(exchange.indexFeeds().cfBenchmarks5HzIndices().size(), ids.size());
            assertFalse(exchange.indexFeeds().cfBenchmarks5HzIndices().contains("BNBUSD_RTI"));

            exchange.indexFeeds().publishCfBenchmarks("BNBUSD_RTI", new BigDecimal("600.20"));
            exchange.indexFeeds().publishCfBenchmarks("XRPUSD_RTI", new BigDecimal("0.6300"));

            JsonNode tick = ws.next("cfbenchmarks_value_5hz").json().path("msg");
            assertEquals("XRPUSD_RTI", tick.path("index_id").asText());
            assertEquals("0.63000000", tick.path("value_usd").asText());
            assertTrue(tick.path("source_ts_ms").asLong() > 0);
            ws.assertQuiet(QUIET);
        }
    }

    @Test
    void subscribeAndUnsubscribeIndicesReportTheFilter_andNeedIndexIds() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            int sid = subscribe(ws, Map.of("channels", List.of("cfbenchmarks_value")));
            int all = ws.command("update_subscription", Map.of("sid", sid, "action", "subscribe_indices",
                    "index_ids", List.of("all", "BRTI")));
            assertEquals("[\"all\"]", ws.reply(all, "ok").msg().path("index_ids").toString());
            int off = ws.command("update_subscription", Map.of("sid", sid, "action", "unsubscribe_indices",
                    "index_ids", List.of("all")));
            assertEquals("[\"BRTI\"]", ws.reply(off, "ok").msg().path("index_ids").toString(),
                    "all-mode off, the id named explicitly stays");
            int none = ws.command("update_subscription", Map.of("sid", sid, "action", "unsubscribe_indices"));
            assertEquals(24, ws.errorCode(none));
            int wrong = ws.command("update_subscription", Map.of("sid", sid, "action", "underlying_list"));
            assertEquals(13, ws.errorCode(wrong), "a Pyth action on a CF Benchmarks subscription");
            int list = ws.command("update_subscription", Map.of("sid", sid, "action", "indexlist"));
            assertEquals(exchange.indexFeeds().cfBenchmarksIndices().size(),
                    ws.reply(list, "cfbenchmarks_value_indexlist").msg().path("index_ids").size());
        }
    }

    @Test
    void pythValuesReachTheirSubscribers_andTheUnderlyingListNamesTheFeed() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            int sid = subscribe(ws, Map.of("channels", List.of("pyth_value"), "underlying_tickers",
                    List.of("Metal.XAU/USD")));
            exchange.indexFeeds().publishPyth("Metal.XAG/USD", new BigDecimal("29.20"));
            exchange.indexFeeds().publishPyth("Metal.XAU/USD", new BigDecimal("2401.25"));

            JsonNode value = ws.next("pyth_value").json().path("msg");
            assertEquals("Metal.XAU/USD", value.path("underlying_ticker").asText());
            assertEquals("2401.25000000", value.path("value_usd").asText());
            int list = ws.command("update_subscription", Map.of("sid", sid, "action", "underlying_list"));
            assertEquals(exchange.indexFeeds().pythUnderlyings().size(),
                    ws.reply(list, "pyth_value_underlying_list").msg().path("underlying_tickers").size());
            int add = ws.command("update_subscription", Map.of("sid", sid, "action", "subscribe_underlyings",
                    "underlying_tickers", List.of("Metal.XAG/USD")));
            assertEquals(2, ws.reply(add, "ok").msg().path("underlying_tickers").size());
            int none = ws.command("update_subscription", Map.of("sid", sid, "action", "subscribe_underlyings",
                    "underlying_tickers", List.of()));
            assertEquals(28, ws.errorCode(none));
        }
    }

    @Test
    void theRandomWalkPublishesEveryIndexOverTime() {
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            subscribe(ws, Map.of("channels", List.of("pyth_value"), "underlying_tickers", List.of("all")));
            exchange.indexFeeds().startTicking(Duration.ofMillis(20), 7L);
            try {
                List<String> seen = new java.util.ArrayList<>();
                for (int i = 0; i < exchange.indexFeeds().pythUnderlyings().size(); i++) {
                    seen.add(ws.next("pyth_value").json().path("msg").path("underlying_ticker").asText());
                }
                assertEquals(exchange.indexFeeds().pythUnderlyings(), seen, "one value each, in seed order");
            } finally {
                exchange.indexFeeds().stopTicking();
            }
        }
    }

    @Test
    void comboMarketsLifecycleGoesToTheMultivariateChannel_otherMarketsDoNot() {
        String combo = exchange.engine().listMarkets(null).stream()
                .filter(m -> m.isMultivariate() && m.status() == MarketStatus.ACTIVE).findFirst().orElseThrow()
                .ticker();
        try (WsTestClient ws = WsTestClient.signed(exchange, alice)) {
            subscribe(ws, Map.of("channels", List.of("multivariate_market_lifecycle")));
            exchange.engine().pauseMarket("KXFED-26JUL-T3.50");
            exchange.engine().resumeMarket("KXFED-26JUL-T3.50");
            exchange.engine().pauseMarket(combo);
            exchange.engine().resumeMarket(combo);

            JsonNode paused = ws.next("multivariate_market_lifecycle").json();
            assertEquals(1, paused.path("seq").asInt());
            assertEquals(combo, paused.path("msg").path("market_ticker").asText());
            assertEquals("deactivated", paused.path("msg").path("event_type").asText());
            assertTrue(paused.path("msg").path("is_deactivated").asBoolean());
            assertEquals("activated", ws.next("multivariate_market_lifecycle").json().path("msg").path("event_type")
                    .asText());
            ws.assertQuiet(QUIET);
        }
    }

    @Test
    void useYesPricePricesTheNoSideOnTheYesLeg() {
        String market = new Trading(exchange).freshMarket();
        try (WsTestClient ws = WsTestClient.signed(exchange, alice);
             var bobRest = exchange.client(exchange.userIds().get(1))) {
            Trading.buyNo(bobRest, market, "3", "0.2500", null);
            subscribe(ws, Map.of("channels", List.of("orderbook_delta"), "market_ticker", market, "use_yes_price", true));
            JsonNode snapshot = ws.next("orderbook_snapshot").msg();
            assertEquals("[[\"0.7500\",\"3.00\"]]", snapshot.path("no_dollars_fp").toString());

            Trading.buyNo(bobRest, market, "2", "0.2000", null);
            JsonNode delta = ws.next("orderbook_delta").msg();
            assertEquals("no", delta.path("side").asText());
            assertEquals("0.8000", delta.path("price_dollars").asText());
        }
    }
}
