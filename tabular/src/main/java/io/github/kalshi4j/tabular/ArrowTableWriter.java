package io.github.kalshi4j.tabular;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Apache Arrow IPC (the file format, or the stream format) through arrow-vector, in record batches of a bounded
 * number of rows: memory holds one batch, never the export. Decimal columns are decimal128 at the column's scale: a
 * value with fewer decimals is widened exactly ({@code 0.56} is stored as {@code 0.5600} in a scale-4 column), one
 * with more is an error rather than rounded.
 */
final class ArrowTableWriter extends TableWriter {

    /** The Arrow time zone of timestamp columns. */
    static final String UTC = "UTC";

    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final ArrowWriter writer;
    private final List<Column> columns;
    private final FieldVector[] vectors;
    private final VarCharVector unknownVector;
    private final int batchRows;
    private int rowInBatch;

    ArrowTableWriter(TableSchema table, ModelBinding binding, boolean unknownColumn, CountingOutputStream out,
            boolean fileFormat, int batchRows) throws IOException {
        super(table, binding, unknownColumn, out);
        this.columns = table.columns();
        this.batchRows = batchRows;
        this.allocator = newAllocator();
        try {
            this.root = VectorSchemaRoot.create(schema(table, unknownColumn), allocator);
            this.vectors = root.getFieldVectors().subList(0, columns.size()).toArray(new FieldVector[0]);
            this.unknownVector = unknownColumn ? (VarCharVector) root.getVector(Tabular.UNKNOWN_FIELDS_COLUMN) : null;
            this.writer = fileFormat ? new ArrowFileWriter(root, null, Channels.newChannel(out))
                    : new ArrowStreamWriter(root, null, Channels.newChannel(out));
            writer.start();
            root.allocateNew();
        } catch (IOException | RuntimeException e) {
            allocator.close();
            throw e;
        }
    }

    /** The Arrow schema of a table: one field per column (and the optional unknown-fields column). */
    static Schema schema(TableSchema table, boolean unknownColumn) {
        List<Field> fields = new ArrayList<>();
        for (Column c : table.columns()) {
            FieldType scalar = FieldType.nullable(arrowType(c));
            fields.add(c.list()
                    ? new Field(c.name(), FieldType.nullable(ArrowType.List.INSTANCE), List.of(new Field("item", scalar, null)))
                    : new Field(c.name(), scalar, null));
        }
        if (unknownColumn) {
            fields.add(new Field(Tabular.UNKNOWN_FIELDS_COLUMN, FieldType.nullable(ArrowType.Utf8.INSTANCE), null));
        }
        return new Schema(fields, Map.of("kalshi4j.table", table.name()));
    }

    private static ArrowType arrowType(Column c) {
        switch (c.kind()) {
            case DECIMAL:
                return new ArrowType.Decimal(c.precision(), c.scale(), 128);
            case TIMESTAMP:
                return new ArrowType.Timestamp(TimeUnit.NANOSECOND, UTC);
            case DATE:
                return new ArrowType.Date(DateUnit.DAY);
            case BOOLEAN:
                return ArrowType.Bool.INSTANCE;
            case INT32:
                return new ArrowType.Int(32, true);
            case INT64:
                return new ArrowType.Int(64, true);
            case FLOAT64:
                return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case STRING:
            case NUMBER:
            case JSON:
            default:
                return ArrowType.Utf8.INSTANCE;
        }
    }

    private static BufferAllocator newAllocator() {
        try {
            return new RootAllocator();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("Apache Arrow cannot allocate memory in this JVM (" + e
                    + "). On Java 17 and later start it with --add-opens=java.base/java.nio=ALL-UNNAMED (see the"
                    + " README, \"Tabular export\"), and keep arrow-memory-unsafe or arrow-memory-netty on the"
                    + " classpath.", e);
        }
    }

    @Override
    void write(Object model) throws IOException {
        int row = rowInBatch;
        for (int i = 0; i < vectors.length; i++) {
            Column c = columns.get(i);
            Object v = binding.value(model, i);
            if (v == null) {
                vectors[i].setNull(row);
            } else if (c.list()) {
                ListVector list = (ListVector) vectors[i];
                List<?> items = (List<?>) v;
                int start = list.startNewValue(row);
                FieldVector data = (FieldVector) list.getDataVector();
                for (int k = 0; k < items.size(); k++) {
                    set(data, start + k, items.get(k), c);
                }
                list.endValue(row, items.size());
            } else {
                set(vectors[i], row, v, c);
            }
        }
        if (unknownVector != null) {
            String json = unknownJson(model);
            if (json == null) {
                unknownVector.setNull(row);
            } else {
                unknownVector.setSafe(row, json.getBytes(StandardCharsets.UTF_8));
            }
        }
        rowInBatch++;
        if (rowInBatch == batchRows) {
            flushBatch();
        }
    }

    private static void set(FieldVector vector, int row, Object v, Column c) {
        if (v == null) {
            vector.setNull(row);
            return;
        }
        switch (c.kind()) {
            case DECIMAL:
                ((DecimalVector) vector).setSafe(row, scaled(Cells.decimal(v, c), c));
                break;
            case TIMESTAMP: {
                Instant t = Cells.instant(v, c);
                long nanos;
                try {
                    nanos = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("column " + c.name() + ": " + t
                            + " is outside Arrow's nanosecond timestamps (1677-2262)", e);
                }
                ((TimeStampNanoTZVector) vector).setSafe(row, nanos);
                break;
            }
            case DATE:
                ((DateDayVector) vector).setSafe(row, Math.toIntExact(Cells.date(v, c).toEpochDay()));
                break;
            case BOOLEAN:
                ((BitVector) vector).setSafe(row, Cells.bool(v, c) ? 1 : 0);
                break;
            case INT32: {
                long n = Cells.integer(v, c);
                if (n != (int) n) {
                    throw new IllegalArgumentException("column " + c.name() + ": " + n + " does not fit an int32 column");
                }
                ((IntVector) vector).setSafe(row, (int) n);
                break;
            }
            case INT64:
                ((BigIntVector) vector).setSafe(row, Cells.integer(v, c));
                break;
            case FLOAT64:
                ((Float8Vector) vector).setSafe(row, Cells.float64(v, c));
                break;
            case NUMBER:
                ((VarCharVector) vector).setSafe(row, Cells.decimal(v, c).toPlainString().getBytes(StandardCharsets.UTF_8));
                break;
            case JSON:
                ((VarCharVector) vector).setSafe(row, Cells.json(v).getBytes(StandardCharsets.UTF_8));
                break;
            case STRING:
            default:
                ((VarCharVector) vector).setSafe(row, Cells.string(v).getBytes(StandardCharsets.UTF_8));
                break;
        }
    }

    /** The value at the column's scale, exactly; an error if that would round it or it has too many digits. */
    static BigDecimal scaled(BigDecimal d, Column c) {
        BigDecimal s;
        try {
            s = d.setScale(c.scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("column " + c.name() + ": " + d.toPlainString() + " has more than "
                    + c.scale() + " decimals, the scale the spec implies; it cannot be stored without rounding", e);
        }
        if (s.precision() > c.precision()) {
            throw new IllegalArgumentException("column " + c.name() + ": " + d.toPlainString() + " has more than "
                    + c.precision() + " digits");
        }
        return s;
    }

    private void flushBatch() throws IOException {
        if (rowInBatch == 0) {
            return;
        }
        root.setRowCount(rowInBatch);
        writer.writeBatch();
        rowInBatch = 0;
        root.allocateNew();
    }

    @Override
    void finish() throws IOException {
        flushBatch();
        writer.end();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            try {
                root.close();
            } finally {
                allocator.close();
            }
        }
    }
}
