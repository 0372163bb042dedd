package io.github.kalshi4j.tabular;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns a model's Java value into a column's value: the one place that knows how each {@link ColumnKind} reads a
 * value, for both writers. Decimals are never made from a {@code double}.
 */
final class Cells {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Cells() {
    }

    static String string(Object v) {
        return v instanceof String s ? s : v instanceof Enum<?> e ? e.toString() : v instanceof java.util.Map<?, ?>
                || v instanceof java.util.Collection<?> ? json(v) : String.valueOf(v);
    }

    static BigDecimal decimal(Object v, Column c) {
        try {
            if (v instanceof BigDecimal d) {
                return d;
            }
            if (v instanceof BigInteger i) {
                return new BigDecimal(i);
            }
            if (v instanceof Long || v instanceof Integer || v instanceof Short) {
                return BigDecimal.valueOf(((Number) v).longValue());
            }
            // Strings, and numbers Jackson read into untyped maps: their text, never their double value.
            return new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + c.name() + ": " + quote(v) + " is not a decimal", e);
        }
    }

    static Instant instant(Object v, Column c) {
        if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        try {
            return OffsetDateTime.parse(v.toString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("column " + c.name() + ": " + quote(v) + " is not an RFC 3339 time", e);
        }
    }

    /** The CSV text of a time: as the model holds it (offset kept), ISO-8601 with seconds. */
    static String timeText(Object v, Column c) {
        if (v instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        return DateTimeFormatter.ISO_INSTANT.format(instant(v, c));
    }

    static LocalDate date(Object v, Column c) {
        if (v instanceof LocalDate d) {
            return d;
        }
        try {
            return LocalDate.parse(v.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("column " + c.name() + ": " + quote(v) + " is not a date", e);
        }
    }

    static boolean bool(Object v, Column c) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString();
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("column " + c.name() + ": " + quote(v) + " is not a boolean");
    }

    static long integer(Object v, Column c) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        try {
            return new BigDecimal(v.toString().trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("column " + c.name() + ": " + quote(v) + " is not an integer", e);
        }
    }

    static double float64(Object v, Column c) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + c.name() + ": " + quote(v) + " is not a number", e);
        }
    }

    static String json(Object v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** The CSV text of one non-null value of a column's kind. */
    static String text(Object v, Column c) {
        switch (c.kind()) {
            case DECIMAL:
            case NUMBER:
                return decimal(v, c).toPlainString();
            case TIMESTAMP:
                return timeText(v, c);
            case DATE:
                return date(v, c).toString();
            case BOOLEAN:
                return Boolean.toString(bool(v, c));
            case INT32:
            case INT64:
                return Long.toString(integer(v, c));
            case FLOAT64:
                return Double.toString(float64(v, c));
            case JSON:
                return json(v);
            case STRING:
            default:
                return string(v);
        }
    }

    private static String quote(Object v) {
        String s = String.valueOf(v);
        return "\"" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "\"";
    }
}
