// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/tabular/TableSchemas.mustache, not this file.
package io.github.kalshi4j.tabular;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table schemas of the tabular export, one for every model that a list operation of the pinned OpenAPI spec
 * returns, derived from the spec at build time (nested objects flattened to dotted column names, fixed-point
 * properties as decimals with the scale their schema implies, date-times as timestamps, enums as wire strings).
 * Nothing here is written by hand: a property the spec adds is a column after the next build.
 */
public final class TableSchemas {

    /** The columns of {@code Market} (returned by {@code GetMarketsResponse}). */
    public static final TableSchema MARKET = new TableSchema("Market", "io.github.kalshi4j.model.Market",
            List.of("GetMarketsResponse"), List.of(
            new Column("ticker", ColumnKind.STRING, 0, 0, false,
                    List.of("ticker"), List.of()),
            new Column("status", ColumnKind.STRING, 0, 0, false,
                    List.of("status"), List.of()),
            new Column("yes_bid_dollars", ColumnKind.DECIMAL, 38, 6, false,
                    List.of("yes_bid_dollars"), List.of()),
            new Column("volume_fp", ColumnKind.DECIMAL, 38, 2, false,
                    List.of("volume_fp"), List.of()),
            new Column("close_time", ColumnKind.TIMESTAMP, 0, 0, false,
                    List.of("close_time"), List.of()),
            new Column("strike", ColumnKind.FLOAT64, 0, 0, false,
                    List.of("strike"), List.of()),
            new Column("tags", ColumnKind.STRING, 0, 0, true,
                    List.of("tags"), List.of()),
            new Column("price.open_dollars", ColumnKind.DECIMAL, 38, 6, false,
                    List.of("price", "open_dollars"), List.of()),
            new Column("price.count", ColumnKind.INT64, 0, 0, false,
                    List.of("price", "count"), List.of()),
            new Column("price_ranges.start", ColumnKind.STRING, 0, 0, true,
                    List.of("price_ranges"), List.of("start")),
            new Column("price_ranges.step_dollars", ColumnKind.DECIMAL, 38, 6, true,
                    List.of("price_ranges"), List.of("step_dollars")),
            new Column("custom", ColumnKind.JSON, 0, 0, false,
                    List.of("custom"), List.of()),
            new Column("parent", ColumnKind.JSON, 0, 0, false,
                    List.of("parent"), List.of())));

    private static final List<TableSchema> ALL = List.of(MARKET);

    private static final Map<String, TableSchema> BY_MODEL = new LinkedHashMap<>();

    static {
        for (TableSchema t : ALL) {
            BY_MODEL.put(t.modelClassName(), t);
        }
    }

    private TableSchemas() {
    }

    /** Every table schema, in the order of their model names. */
    public static List<TableSchema> all() {
        return ALL;
    }

    /** The table schema of a model class (by its name), or null when no list operation returns that model. */
    public static TableSchema forModelClassName(String className) {
        return BY_MODEL.get(className);
    }
}
