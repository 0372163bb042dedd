package io.github.kalshi4j.tabular;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The columns of one exported model, in the order the spec lists its properties; generated into
 * {@link TableSchemas} from the pinned OpenAPI spec.
 */
public final class TableSchema {

    private final String name;
    private final String modelClassName;
    private final List<String> responses;
    private final List<Column> columns;

    /**
     * A table schema.
     *
     * @param name           the spec's schema name of the model ({@code Market})
     * @param modelClassName the generated model's class name ({@code io.github.kalshi4j.model.Market})
     * @param responses      the spec's response schemas that list this model ({@code GetMarketsResponse})
     * @param columns        the columns, in order
     */
    public TableSchema(String name, String modelClassName, List<String> responses, List<Column> columns) {
        this.name = Objects.requireNonNull(name, "name");
        this.modelClassName = Objects.requireNonNull(modelClassName, "modelClassName");
        this.responses = List.copyOf(responses);
        this.columns = List.copyOf(columns);
    }

    /** The spec's schema name of the model, e.g. {@code Market}. */
    public String name() {
        return name;
    }

    /** The generated model class's name, e.g. {@code io.github.kalshi4j.model.Market}. */
    public String modelClassName() {
        return modelClassName;
    }

    /** The spec's response schemas whose lists hold this model. */
    public List<String> responses() {
        return responses;
    }

    /** The columns, in order (without the optional trailing {@link Tabular#UNKNOWN_FIELDS_COLUMN}). */
    public List<Column> columns() {
        return columns;
    }

    /** The column of that name, if any. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The column names, in order. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    @Override
    public String toString() {
        return "TableSchema[" + name + ", " + columns.size() + " columns]";
    }
}
