package io.github.kalshi4j.tabular;

/**
 * What a column holds, derived from the spec's type and format; how each is written:
 *
 * <table>
 *   <caption>Column kinds</caption>
 *   <tr><th>kind</th><th>spec</th><th>Arrow</th><th>CSV</th></tr>
 *   <tr><td>STRING</td><td>string, enum (wire value)</td><td>utf8</td><td>the string</td></tr>
 *   <tr><td>DECIMAL</td><td>fixed-point string ({@code *_dollars}, {@code *_fp})</td>
 *       <td>decimal128(precision, scale)</td><td>the plain decimal string, as the model holds it</td></tr>
 *   <tr><td>NUMBER</td><td>number without format (a {@code BigDecimal} of unknown scale)</td><td>utf8, the plain
 *       decimal string</td><td>the plain decimal string</td></tr>
 *   <tr><td>TIMESTAMP</td><td>string, format date-time</td><td>timestamp[ns, tz=UTC]</td><td>ISO-8601 with
 *       offset</td></tr>
 *   <tr><td>DATE</td><td>string, format date</td><td>date32</td><td>ISO-8601 date</td></tr>
 *   <tr><td>BOOLEAN</td><td>boolean</td><td>bool</td><td>{@code true}/{@code false}</td></tr>
 *   <tr><td>INT32, INT64</td><td>integer (int32 or no format), integer int64</td><td>int32, int64</td>
 *       <td>decimal digits</td></tr>
 *   <tr><td>FLOAT64</td><td>number, format double or float</td><td>float64</td><td>Java's shortest repr</td></tr>
 *   <tr><td>JSON</td><td>free-form object, oneOf, arrays of arrays</td><td>utf8 (JSON text)</td>
 *       <td>JSON text</td></tr>
 * </table>
 * A list column ({@link Column#list()}) is an Arrow {@code list<…>} of its kind, and in CSV its items' CSV texts
 * joined with {@link Tabular#CSV_LIST_SEPARATOR}. A missing value is null in Arrow and an empty cell in CSV.
 */
public enum ColumnKind {
    /** A string; enums are their wire strings. */
    STRING,
    /** An exact decimal with a fixed scale. */
    DECIMAL,
    /** A decimal of unknown scale, written as its plain string. */
    NUMBER,
    /** An instant, UTC. */
    TIMESTAMP,
    /** A calendar date. */
    DATE,
    /** A boolean. */
    BOOLEAN,
    /** A 32-bit integer. */
    INT32,
    /** A 64-bit integer. */
    INT64,
    /** A double. */
    FLOAT64,
    /** JSON text of a value the table does not flatten. */
    JSON
}
