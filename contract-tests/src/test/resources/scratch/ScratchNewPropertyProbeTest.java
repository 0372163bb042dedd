package io.github.kalshi4j.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.transport.KalshiJson;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copied into a scratch project whose pinned OpenAPI spec gives Market two new properties (TableSchemasFollowTheSpecTest
 * in contract-tests): the table has the new columns, the model reads them into its own fields, and both writers
 * write them. No Java of the SDK was edited for it.
 */
class ScratchNewPropertyProbeTest {

    @Test
    void theNewPropertiesAreColumnsOfTheMarketsTable(@TempDir Path dir) throws Exception {
        Column reserve = TableSchemas.MARKET.column("zz_probe_reserve_dollars").orElseThrow();
        assertEquals(ColumnKind.DECIMAL, reserve.kind());
        assertEquals(6, reserve.scale());
        Column note = TableSchemas.MARKET.column("zz_probe_detail.note").orElseThrow();
        assertEquals(ColumnKind.STRING, note.kind());

        Market m = KalshiJson.newMapper().readValue(
                "{\"ticker\":\"T\",\"zz_probe_reserve_dollars\":\"1.250000\",\"zz_probe_detail\":{\"note\":\"hi\"}}",
                Market.class);
        assertTrue(m.additionalProperties().isEmpty(), "the model knows the new properties");

        Tabular.csv(dir.resolve("m.csv")).write(Stream.of(m));
        String csv = Files.readString(dir.resolve("m.csv"));
        assertTrue(csv.lines().findFirst().orElseThrow().contains("zz_probe_reserve_dollars"), csv);
        assertTrue(csv.contains(",1.250000,") && csv.contains(",hi,"), csv);

        Tabular.arrow(dir.resolve("m.arrow")).write(Stream.of(m));
        try (RootAllocator allocator = new RootAllocator();
                ArrowFileReader reader = new ArrowFileReader(Files.newByteChannel(dir.resolve("m.arrow")), allocator)) {
            assertTrue(reader.loadNextBatch());
            assertEquals(new BigDecimal("1.250000"),
                    reader.getVectorSchemaRoot().getVector("zz_probe_reserve_dollars").getObject(0));
            assertEquals("hi", reader.getVectorSchemaRoot().getVector("zz_probe_detail.note").getObject(0).toString());
        }
    }
}
