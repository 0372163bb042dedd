package io.github.kalshi4j.tabular;

import java.util.List;
import java.util.Objects;

/**
 * One column of a {@link TableSchema}, derived from the spec.
 *
 * @param name      the column name: the JSON property names from the model down to the value, joined by dots
 *                  ({@code yes_bid.open_dollars}, {@code price_ranges.start})
 * @param kind      what the column holds
 * @param precision for {@link ColumnKind#DECIMAL}: total digits (Arrow's decimal128 allows 38); else 0
 * @param scale     for {@link ColumnKind#DECIMAL}: digits after the point, as the spec's fixed-point type implies;
 *                  else 0
 * @param list      true when the value is a list: the model's array at {@code path}, one item per element (of
 *                  {@code itemPath} within each element when the elements are objects)
 * @param path      the JSON property names from the model to the value (or, for a list column, to the array)
 * @param itemPath  for a list of objects: the JSON property names from an element to the value; else empty
 */
public record Column(String name, ColumnKind kind, int precision, int scale, boolean list, List<String> path,
        List<String> itemPath) {

    /** Checks and copies the parts. */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        path = List.copyOf(path);
        itemPath = List.copyOf(itemPath);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("column " + name + " has an empty path");
        }
        if (kind == ColumnKind.DECIMAL && (precision < 1 || precision > 38 || scale < 0 || scale > precision)) {
            throw new IllegalArgumentException("column " + name + ": decimal(" + precision + ", " + scale
                    + ") is not a decimal128 type");
        }
    }
}
