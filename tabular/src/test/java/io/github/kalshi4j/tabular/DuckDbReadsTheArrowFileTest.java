package io.github.kalshi4j.tabular;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.GetMarketsResponse;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.junit.LocalKalshi;
import io.github.kalshi4j.transport.PageIterable;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real consumer reads the exported Arrow file: DuckDB's JDBC driver, offline. DuckDB opens Arrow IPC files only
 * through an extension it would download, so the file is read by Arrow's Java reader and handed to DuckDB over the
 * Arrow C stream interface ({@code DuckDBConnection.registerArrowStream}): DuckDB sees the file's own schema and
 * batches (decimal128, timestamp[ns, UTC], lists). Where DuckDB's or Arrow's native library cannot load, the test is
 * skipped with the reason, never passed.
 */
@LocalKalshi
class DuckDbReadsTheArrowFileTest {

    @Test
    void duckDbCountsAndSumsTheExportedMarketsAsTheModelsDo(LocalKalshiExchange exchange, @TempDir Path dir)
            throws Exception {
        KalshiClient client = exchange.client(exchange.userIds().get(0));
        try (KalshiClient bob = exchange.client(exchange.userIds().get(1))) {
            // Volume on two markets: the seed starts with none.
            for (Market m : client.markets().getMarkets(p -> p.status("open").limit(3L)).markets().subList(1, 3)) {
                client.orders().createOrderV2(order(m.ticker(), "bid", "7", "0.3300"));
                bob.orders().createOrderV2(order(m.ticker(), "ask", "4", "0.3300"));
            }
        }
        PageIterable<GetMarketsResponse, Market> live = client.markets().getMarketsPages(p -> p.limit(25L));
        List<PageIterable.Page<GetMarketsResponse, Market>> pages = new ArrayList<>();
        live.pages().forEach(pages::add);
        List<Market> models = pages.stream().flatMap(p -> p.items().stream()).toList();
        Path file = dir.resolve("markets.arrow");
        Tabular.arrow(file).batchRows(10).consume(pages);

        BigDecimal volume = models.stream().map(Market::volume).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal yesBid = models.stream().map(Market::yesBid).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(volume.signum() > 0, "the seed's markets have volume");

        try (client; Connection connection = duckDb();
                BufferAllocator allocator = new RootAllocator();
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                ArrowFileReader reader = new ArrowFileReader(channel, allocator);
                ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
            try {
                Data.exportArrayStream(allocator, reader, stream);
            } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
                Assumptions.abort("Arrow's C data library (arrow-c-data's JNI part) cannot load on this platform ("
                        + e + "): DuckDB cannot be handed the file here, so the DuckDB check is skipped");
            }
            connection.unwrap(DuckDBConnection.class).registerArrowStream("markets", stream);
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*), sum(volume_fp), sum(yes_bid_dollars),"
                            + " count(DISTINCT ticker), typeof(any_value(yes_bid_dollars)),"
                            + " typeof(any_value(close_time)) FROM markets")) {
                assertTrue(rs.next());
                assertEquals(models.size(), rs.getLong(1), "count(*)");
                assertEquals(0, volume.compareTo(rs.getBigDecimal(2)), "sum(volume_fp): " + rs.getBigDecimal(2));
                assertEquals(0, yesBid.compareTo(rs.getBigDecimal(3)), "sum(yes_bid_dollars): " + rs.getBigDecimal(3));
                assertEquals(models.size(), rs.getLong(4), "distinct tickers");
                assertEquals("DECIMAL(38,6)", rs.getString(5), "a decimal column to DuckDB");
                assertTrue(rs.getString(6).startsWith("TIMESTAMP"), "a timestamp column to DuckDB: " + rs.getString(6));
            }
        }
    }

    private static CreateOrderV2Request order(String market, String side, String count, String price) {
        return CreateOrderV2Request.builder().ticker(market).side(side).count(count).price(price)
                .timeInForce("good_till_canceled").selfTradePreventionType("taker_at_cross")
                .clientOrderId(UUID.randomUUID().toString()).build();
    }

    private static Connection duckDb() {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            return DriverManager.getConnection("jdbc:duckdb:");
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError | ClassNotFoundException
                | SQLException e) {
            Assumptions.abort("DuckDB's native library cannot load on this platform (" + e
                    + "): the DuckDB check is skipped here");
            throw new AssertionError(e);
        }
    }
}
