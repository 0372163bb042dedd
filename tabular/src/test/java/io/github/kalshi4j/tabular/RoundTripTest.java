package io.github.kalshi4j.tabular;

import com.sun.net.httpserver.HttpServer;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.GetMarketsResponse;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.model.MarketCandlestick;
import io.github.kalshi4j.model.Trade;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.junit.LocalKalshi;
import io.github.kalshi4j.transport.PageIterable;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Markets, trades and candlesticks go from a real server to CSV and Arrow files and come back, read by independent
 * readers (Arrow's own Java reader; a plain CSV parser), with every value equal to the model's: decimals exactly,
 * at the scale the spec implies (Arrow) or as the model writes them (CSV).
 */
@LocalKalshi
class RoundTripTest {

    @Test
    void marketsFromTheLocalExchangeRoundTripThroughArrowAndCsv_everyValueEqual(KalshiClient client,
            @TempDir Path dir) throws Exception {
        // The pages are fetched once and written twice (export(sink) is sink.consume(pages())): the exchange's
        // markets change between fetches (updated_time), and each value must equal the model that was written.
        PageIterable<GetMarketsResponse, Market> live = client.markets().getMarketsPages(p -> p.limit(20L));
        List<PageIterable.Page<GetMarketsResponse, Market>> pages = new ArrayList<>();
        live.pages().forEach(pages::add);
        List<Market> models = pages.stream().flatMap(page -> page.items().stream()).toList();
        assertTrue(models.size() > 40, "the default seed's markets");
        assertEquals(models.size(), live.export(Tabular.arrow(dir.resolve("live.arrow"))).rows());
        List<ExportProgress> progress = new ArrayList<>();

        ExportResult arrow = Tabular.arrow(dir.resolve("markets.arrow")).batchRows(16).onProgress(progress::add)
                .consume(pages);
        assertEquals(models.size(), arrow.rows());
        assertEquals((models.size() + 19) / 20, arrow.pages());
        assertEquals(Files.size(dir.resolve("markets.arrow")), arrow.bytes());
        assertEquals(arrow.pages() + 1, progress.size(), "one report a page, and the final one");
        assertEquals(new ExportProgress(arrow.rows(), arrow.pages(), arrow.bytes()), progress.get(progress.size() - 1));

        Tables.ArrowTable read = Tables.readArrow(dir.resolve("markets.arrow"));
        assertEquals((models.size() + 15) / 16, read.batches(), "record batches of 16 rows");
        Tables.assertArrowEqualsModels(TableSchemas.MARKET, models, read);
        ArrowType.Decimal yesBid = (ArrowType.Decimal) read.schema().findField("yes_bid_dollars").getType();
        assertEquals(6, yesBid.getScale(), "dollars: responses emit up to 6 decimals");
        assertEquals(2, ((ArrowType.Decimal) read.schema().findField("volume_fp").getType()).getScale());
        for (int i = 0; i < models.size(); i++) {
            // The model's accessors, beside its JSON: same numbers, the column's scale.
            Map<String, Object> row = read.rows().get(i);
            assertEquals(models.get(i).ticker(), row.get("ticker").toString());
            assertEquals(0, models.get(i).yesBid().compareTo((BigDecimal) row.get("yes_bid_dollars")));
            assertEquals(models.get(i).volume().setScale(2), row.get("volume_fp"));
        }

        ExportResult csv = Tabular.csv(dir.resolve("m.csv")).consume(pages);
        assertEquals(models.size(), csv.rows());
        List<List<String>> cells = Tables.readCsv(dir.resolve("m.csv"));
        Tables.assertCsvEqualsModels(TableSchemas.MARKET, models, cells);
        int yesBidColumn = cells.get(0).indexOf("yes_bid_dollars");
        for (int i = 0; i < models.size(); i++) {
            assertEquals(models.get(i).yesBid().toPlainString(), cells.get(i + 1).get(yesBidColumn), "CSV keeps the scale");
        }
    }

    @Test
    void tradesFromTheLocalExchangeRoundTripThroughArrowAndCsv(LocalKalshiExchange exchange, @TempDir Path dir)
            throws Exception {
        try (KalshiClient alice = exchange.client(exchange.userIds().get(0));
                KalshiClient bob = exchange.client(exchange.userIds().get(1))) {
            String market = alice.markets().getMarkets(p -> p.status("open").limit(5L)).markets().get(3).ticker();
            for (String price : List.of("0.4100", "0.4200", "0.4300")) {
                alice.orders().createOrderV2(order(market, "bid", "3", price));
                bob.orders().createOrderV2(order(market, "ask", "2.50", price));
            }
            List<Trade> models = alice.markets().getTradesPages(p -> p.ticker(market).limit(2L)).stream().toList();
            assertEquals(3, models.size());

            ExportResult r = alice.markets().getTradesPages(p -> p.ticker(market).limit(2L))
                    .export(Tabular.arrow(dir.resolve("trades.arrow")));
            assertEquals(3, r.rows());
            assertEquals(2, r.pages());
            Tables.assertArrowEqualsModels(TableSchemas.TRADE, models, Tables.readArrow(dir.resolve("trades.arrow")));

            alice.markets().getTradesPages(p -> p.ticker(market).limit(2L)).export(Tabular.csv(dir.resolve("t.csv")));
            List<List<String>> cells = Tables.readCsv(dir.resolve("t.csv"));
            Tables.assertCsvEqualsModels(TableSchemas.TRADE, models, cells);
        }
    }

    @Test
    void candlesticksServedOverLoopbackRoundTripThroughArrowAndCsv(@TempDir Path dir) throws Exception {
        // The local exchange does not model candlesticks (501): a loopback server answers with a body Kalshi sent.
        Path sample = Path.of(System.getProperty("kalshi4j.root", "..")).toAbsolutePath().normalize()
                .resolveSibling("shared").resolve("wire-samples/rest/get_market_candlesticks__zane180-nba-market-engine.json");
        assumeTrue(Files.isRegularFile(sample), "no captured candlesticks body at " + sample
                + " (the shared folder beside the checkout): the candlestick round trip needs one");
        byte[] body = Files.readAllBytes(sample);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/trade-api/v2/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (KalshiClient client = KalshiClient.builder().config(KalshiConfig.builder()
                .baseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/trade-api/v2")).build())
                .build()) {
            List<MarketCandlestick> models = client.markets().getMarketCandlesticks("KXNBAGAME",
                    "KXNBAGAME-26JUN13NYKSAS-SAS", p -> p.startTs(1781300000L).endTs(1781400000L).periodInterval(60))
                    .candlesticks();
            assertFalse(models.isEmpty());

            ExportResult r = Tabular.arrow(dir.resolve("c.arrow")).write(models.stream());
            assertEquals(models.size(), r.rows());
            Tables.ArrowTable read = Tables.readArrow(dir.resolve("c.arrow"));
            Tables.assertArrowEqualsModels(TableSchemas.MARKET_CANDLESTICK, models, read);
            assertTrue(read.schema().findField("price.close_dollars") != null, "nested objects flatten with dots");
            assertEquals(models.get(0).price().closeDollars().setScale(6), read.rows().get(0).get("price.close_dollars"));

            Tabular.csv(dir.resolve("c.csv")).write(MarketCandlestick.class, models.stream());
            Tables.assertCsvEqualsModels(TableSchemas.MARKET_CANDLESTICK, models, Tables.readCsv(dir.resolve("c.csv")));
        } finally {
            server.stop(0);
        }
    }

    private static CreateOrderV2Request order(String market, String side, String count, String price) {
        return CreateOrderV2Request.builder().ticker(market).side(side).count(count).price(price)
                .timeInForce("good_till_canceled").selfTradePreventionType("taker_at_cross")
                .clientOrderId(UUID.randomUUID().toString()).build();
    }
}
