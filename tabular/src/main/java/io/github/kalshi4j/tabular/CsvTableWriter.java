package io.github.kalshi4j.tabular;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.util.List;

/**
 * CSV through jackson-dataformat-csv, one row at a time: a header of the column names, then one line per model.
 * Decimals are their plain strings as the model holds them (scale kept), times ISO-8601, list columns their items'
 * texts joined with {@link Tabular#CSV_LIST_SEPARATOR}, a missing value an empty cell and an empty string {@code ""}.
 */
final class CsvTableWriter extends TableWriter {

    // An empty string is written "" so that it differs from a missing value (an empty cell).
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS).build();

    private final SequenceWriter rows;
    private final List<Column> columns;
    private final String[] row;

    CsvTableWriter(TableSchema table, ModelBinding binding, boolean unknownColumn, CountingOutputStream out)
            throws IOException {
        super(table, binding, unknownColumn, out);
        this.columns = table.columns();
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (Column c : columns) {
            schema.addColumn(c.name());
        }
        if (unknownColumn) {
            schema.addColumn(Tabular.UNKNOWN_FIELDS_COLUMN);
        }
        this.row = new String[columns.size() + (unknownColumn ? 1 : 0)];
        this.rows = MAPPER.writer(schema.build()).writeValues(out);
    }

    @Override
    void write(Object model) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Object v = binding.value(model, i);
            if (v == null) {
                row[i] = null;
            } else if (c.list()) {
                StringBuilder sb = new StringBuilder();
                int k = 0;
                for (Object item : (List<?>) v) {
                    if (k++ > 0) {
                        sb.append(Tabular.CSV_LIST_SEPARATOR);
                    }
                    sb.append(item == null ? "" : Cells.text(item, c));
                }
                row[i] = sb.toString();
            } else {
                row[i] = Cells.text(v, c);
            }
        }
        if (unknownColumn) {
            row[columns.size()] = unknownJson(model);
        }
        rows.write(row);
    }

    @Override
    void finish() throws IOException {
        rows.flush();
        rows.close();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
