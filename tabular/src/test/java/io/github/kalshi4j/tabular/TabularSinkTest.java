package io.github.kalshi4j.tabular;

import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.model.Trade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sinks' rules at their edges: the schema's shape, and clear errors for input they cannot write. */
class TabularSinkTest {

    @Test
    void theSchemasFlattenNestedObjectsAndListsWithDottedNamesAndCarryTheSpecsScales() {
        Column ranges = TableSchemas.MARKET.column("price_ranges.start").orElseThrow();
        assertTrue(ranges.list());
        assertEquals(List.of("price_ranges"), ranges.path());
        assertEquals(List.of("start"), ranges.itemPath());
        Column close = TableSchemas.MARKET_CANDLESTICK.column("price.close_dollars").orElseThrow();
        assertEquals(ColumnKind.DECIMAL, close.kind());
        assertEquals(6, close.scale());
        assertEquals(2, TableSchemas.TRADE.column("count_fp").orElseThrow().scale());
        assertEquals(ColumnKind.TIMESTAMP, TableSchemas.TRADE.column("created_time").orElseThrow().kind());
        assertEquals(ColumnKind.STRING, TableSchemas.MARKET.column("status").orElseThrow().kind(), "enums: wire strings");
        for (String model : List.of("Market", "EventData", "Series", "Trade", "Fill", "Order", "MarketPosition",
                "EventPosition", "Settlement", "MarketCandlestick", "MarketCandlestickHistorical")) {
            assertTrue(TableSchemas.all().stream().anyMatch(t -> t.name().equals(model)), model + " has a table");
        }
    }

    @Test
    void aDecimalWithMoreDecimalsThanTheSpecsScaleIsAnErrorInArrowAndKeptInCsv(@TempDir Path dir) throws Exception {
        Market m = Market.builder().ticker("T").yesBidDollars(new BigDecimal("0.1234567")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tabular.arrow(dir.resolve("m.arrow")).write(Stream.of(m)));
        assertTrue(e.getMessage().contains("yes_bid_dollars") && e.getMessage().contains("0.1234567"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("m.arrow")), "no partial file is left");
        Tabular.csv(dir.resolve("m.csv")).write(Stream.of(m));
        assertTrue(Files.readString(dir.resolve("m.csv")).contains(",0.1234567,"));
    }

    @Test
    void rowsOfTwoModelsOrOfANonModelOrAnEmptyStreamWithoutAModelAreClearErrors(@TempDir Path dir) {
        Path f = dir.resolve("x.csv");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tabular.csv(f).write(Stream.of(
                Market.builder().ticker("A").build(), Trade.builder().tradeId("t").build())))
                .getMessage().contains("one export writes one table"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tabular.csv(f).write(Stream.of("text")))
                .getMessage().contains("java.lang.String has no table schema"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tabular.csv(f).write(Stream.empty()))
                .getMessage().contains("stream is empty"));
        assertThrows(IllegalArgumentException.class, () -> Tabular.arrow(f).batchRows(0));
    }

    @Test
    void anEmptyStreamOfANamedModelIsAHeaderOnlyFile(@TempDir Path dir) throws Exception {
        ExportResult r = Tabular.csv(dir.resolve("t.csv")).write(Trade.class, Stream.empty());
        assertEquals(0, r.rows());
        List<List<String>> csv = Tables.readCsv(dir.resolve("t.csv"));
        assertEquals(1, csv.size());
        assertEquals("trade_id", csv.get(0).get(0));
        Tables.ArrowTable arrow = Tables.readArrow(Tabular.arrow(dir.resolve("t.arrow")).write(Trade.class,
                Stream.empty()).path());
        assertEquals(0, arrow.rows().size());
        assertEquals(TableSchemas.TRADE.columns().size() + 1, arrow.schema().getFields().size());
    }

    @Test
    void unknownFieldsGoToTheTrailingJsonColumnOrNowhere(@TempDir Path dir) throws Exception {
        Market m = Tables.JSON.readValue("{\"ticker\":\"T\",\"zz_new\":{\"a\":[1,null]}}", Market.class);
        Tabular.csv(dir.resolve("a.csv")).write(Stream.of(m));
        List<List<String>> with = Tables.readCsv(dir.resolve("a.csv"));
        assertEquals(Tabular.UNKNOWN_FIELDS_COLUMN, with.get(0).get(with.get(0).size() - 1));
        assertEquals("{\"zz_new\":{\"a\":[1,null]}}", with.get(1).get(with.get(1).size() - 1));
        Tabular.csv(dir.resolve("b.csv")).unknownFieldsColumn(false).write(Stream.of(m));
        List<List<String>> without = Tables.readCsv(dir.resolve("b.csv"));
        assertEquals(TableSchemas.MARKET.columnNames(), without.get(0));
        assertNull(without.get(1).get(1), "event_ticker is absent");
    }

    @Test
    void theArrowStreamFormatReadsBackWithArrowsStreamReader(@TempDir Path dir) throws Exception {
        Trade t = Trade.builder().tradeId("t1").ticker("T").countFp(new BigDecimal("2.5"))
                .yesPriceDollars(new BigDecimal("0.56")).build();
        ExportResult r = Tabular.arrowStream(dir.resolve("t.arrows")).write(Stream.of(t, t));
        assertEquals(2, r.rows());
        try (org.apache.arrow.memory.RootAllocator allocator = new org.apache.arrow.memory.RootAllocator();
                org.apache.arrow.vector.ipc.ArrowStreamReader reader = new org.apache.arrow.vector.ipc.ArrowStreamReader(
                        Files.newInputStream(dir.resolve("t.arrows")), allocator)) {
            assertTrue(reader.loadNextBatch());
            org.apache.arrow.vector.VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertEquals(2, root.getRowCount());
            assertEquals(new BigDecimal("2.50"), root.getVector("count_fp").getObject(1), "widened exactly to scale 2");
            assertEquals(new BigDecimal("0.560000"), root.getVector("yes_price_dollars").getObject(0));
        }
    }
}
