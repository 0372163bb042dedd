package io.github.kalshi4j.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.transport.KalshiJson;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Independent readers for the round-trip tests: Arrow files through Arrow's own Java reader, CSV through a plain
 * RFC 4180 parser written here, and the expected values from the model's own JSON (the SDK's mapper), not from the
 * export's binding.
 */
final class Tables {

    static final ObjectMapper JSON = KalshiJson.newMapper();

    private Tables() {
    }

    /** The Arrow file's schema and rows (column name to Arrow's Java value), read with Arrow's ArrowFileReader. */
    record ArrowTable(Schema schema, List<Map<String, Object>> rows, int batches) {
    }

    static ArrowTable readArrow(Path file) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        int batches = 0;
        try (BufferAllocator allocator = new RootAllocator();
                FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            Schema schema = root.getSchema();
            while (reader.loadNextBatch()) {
                batches++;
                for (int r = 0; r < root.getRowCount(); r++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (FieldVector v : root.getFieldVectors()) {
                        Object value = v.getObject(r);
                        row.put(v.getName(), value instanceof List<?> l ? new ArrayList<>(l) : copy(value));
                    }
                    rows.add(row);
                }
            }
            return new ArrowTable(schema, rows, batches);
        }
    }

    /** Arrow reuses its Text buffers: keep a copy of each value. */
    private static Object copy(Object v) {
        return v instanceof org.apache.arrow.vector.util.Text t ? t.toString() : v;
    }

    /** A CSV file as a header and rows of cells (null for an empty unquoted cell), by RFC 4180. */
    static List<List<String>> readCsv(Path file) throws IOException {
        String s = Files.readString(file);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',' || c == '\n') {
                row.add(cell.length() == 0 && !wasQuoted ? null : cell.toString());
                cell.setLength(0);
                wasQuoted = false;
                if (c == '\n') {
                    rows.add(row);
                    row = new ArrayList<>();
                }
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (!row.isEmpty() || cell.length() > 0) {
            row.add(cell.length() == 0 && !wasQuoted ? null : cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** The JSON value at a column's path in the model's JSON (a list of item values for a list column). */
    static JsonNode expected(JsonNode model, Column c) {
        JsonNode v = model;
        for (String p : c.path()) {
            v = v.path(p);
        }
        if (c.list() && (v.isMissingNode() || v.isNull())) {
            return JSON.createArrayNode(); // the models' lists are never null: absent reads as empty
        }
        if (!c.list()) {
            return v;
        }
        com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
        for (JsonNode item : v) {
            JsonNode x = item;
            for (String p : c.itemPath()) {
                x = x.path(p);
            }
            out.add(x.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : x);
        }
        return out;
    }

    /** Checks every Arrow cell of every row against the models' JSON; decimals exactly, at the column's scale. */
    static void assertArrowEqualsModels(TableSchema table, List<?> models, ArrowTable arrow) {
        assertEquals(models.size(), arrow.rows().size(), "rows");
        for (int r = 0; r < models.size(); r++) {
            JsonNode json = JSON.valueToTree(models.get(r));
            Map<String, Object> row = arrow.rows().get(r);
            for (Column c : table.columns()) {
                JsonNode want = expected(json, c);
                Object got = row.get(c.name());
                String where = table.name() + " row " + r + " column " + c.name();
                if (want.isMissingNode() || want.isNull()) {
                    assertNull(got, where);
                } else if (c.list()) {
                    List<?> items = (List<?>) got;
                    assertNotNull(items, where);
                    assertEquals(want.size(), items.size(), where);
                    for (int k = 0; k < want.size(); k++) {
                        assertArrowCell(c, want.get(k), items.get(k), where + "[" + k + "]");
                    }
                } else {
                    assertArrowCell(c, want, got, where);
                }
            }
            Object unknown = row.get(Tabular.UNKNOWN_FIELDS_COLUMN);
            Map<?, ?> extra = (Map<?, ?>) JSON.convertValue(additional(models.get(r)), Map.class);
            if (extra.isEmpty()) {
                assertNull(unknown, table.name() + " row " + r + " unknown fields");
            } else {
                assertEquals(JSON.valueToTree(extra), readTree(unknown.toString()), "unknown fields");
            }
        }
    }

    private static void assertArrowCell(Column c, JsonNode want, Object got, String where) {
        if (want.isNull()) {
            assertNull(got, where);
            return;
        }
        assertNotNull(got, where);
        switch (c.kind()) {
            case DECIMAL: {
                BigDecimal d = (BigDecimal) got;
                assertEquals(c.scale(), d.scale(), where + " scale");
                assertEquals(new BigDecimal(want.asText()).setScale(c.scale()), d, where);
                break;
            }
            case TIMESTAMP: {
                java.time.Instant t = OffsetDateTime.parse(want.asText()).toInstant();
                assertEquals(t.getEpochSecond() * 1_000_000_000L + t.getNano(), ((Number) got).longValue(), where);
                break;
            }
            case BOOLEAN:
                assertEquals(want.asBoolean(), got, where);
                break;
            case INT32:
            case INT64:
                assertEquals(want.asLong(), ((Number) got).longValue(), where);
                break;
            case FLOAT64:
                assertEquals(want.asDouble(), ((Number) got).doubleValue(), where);
                break;
            case JSON:
                assertEquals(want, readTree(got.toString()), where);
                break;
            default:
                assertEquals(want.asText(), got.toString(), where);
        }
    }

    /** Checks every CSV cell against the models' JSON: decimals exactly as the model writes them. */
    static void assertCsvEqualsModels(TableSchema table, List<?> models, List<List<String>> csv) {
        List<String> header = new ArrayList<>(table.columnNames());
        header.add(Tabular.UNKNOWN_FIELDS_COLUMN);
        assertEquals(header, csv.get(0), "header");
        assertEquals(models.size(), csv.size() - 1, "rows");
        for (int r = 0; r < models.size(); r++) {
            JsonNode json = JSON.valueToTree(models.get(r));
            List<String> row = csv.get(r + 1);
            assertEquals(header.size(), row.size(), "cells in row " + r);
            for (int i = 0; i < table.columns().size(); i++) {
                Column c = table.columns().get(i);
                JsonNode want = expected(json, c);
                String got = row.get(i);
                String where = table.name() + " row " + r + " column " + c.name();
                if (want.isMissingNode() || want.isNull()) {
                    assertNull(got, where);
                } else if (c.list()) {
                    List<String> parts = new ArrayList<>();
                    want.forEach(x -> parts.add(x.isNull() ? "" : csvText(c, x)));
                    assertEquals(String.join(Tabular.CSV_LIST_SEPARATOR, parts), got == null ? "" : got, where);
                } else if (c.kind() == ColumnKind.TIMESTAMP) {
                    assertEquals(OffsetDateTime.parse(want.asText()).toInstant(), OffsetDateTime.parse(got).toInstant(),
                            where);
                } else if (c.kind() == ColumnKind.JSON) {
                    assertEquals(want, readTree(got), where);
                } else if (c.kind() == ColumnKind.FLOAT64) {
                    assertEquals(want.asDouble(), Double.parseDouble(got), where);
                } else {
                    assertEquals(csvText(c, want), got, where);
                }
            }
        }
    }

    private static String csvText(Column c, JsonNode want) {
        switch (c.kind()) {
            case DECIMAL:
            case NUMBER:
                return new BigDecimal(want.asText()).toPlainString();
            case TIMESTAMP:
                return OffsetDateTime.parse(want.asText()).toString();
            case JSON:
                return want.toString();
            default:
                return want.asText();
        }
    }

    private static Map<?, ?> additional(Object model) {
        try {
            return (Map<?, ?>) model.getClass().getMethod("additionalProperties").invoke(model);
        } catch (ReflectiveOperationException e) {
            fail(e);
            return Map.of();
        }
    }

    static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

}
