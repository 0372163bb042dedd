// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/KalshiJson.mustache, not this file.
package io.github.kalshi4j.transport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/**
 * JSON conventions of the generated models: money and counts are decimal strings on the wire and
 * {@link BigDecimal} in Java (never a double), within the bounds of {@link #isFixedPoint}; times are RFC 3339;
 * model properties that are null are not written, while JSON this SDK does not model (a model's
 * {@code additionalProperties()}) is written back as it came, nulls included.
 *
 * <p>Public because generated code in several packages uses it; the fixed-point checks are also what the
 * WebSocket client applies to values it parses itself. Not meant as API for applications.
 */
public final class KalshiJson {

    /**
     * Most digits a fixed-point value (a {@code *_dollars} amount or a {@code *_fp} count) may have before its
     * decimal point: its magnitude is below 10^30. Kalshi's amounts and counts are far smaller; the bound only
     * stops a value like {@code 1E+30000000}, a few bytes on the wire that expand to millions of digits.
     */
    public static final int FIXED_POINT_MAX_INTEGER_DIGITS = 30;

    /**
     * Most digits a fixed-point value may have after its decimal point, as written (its scale, trailing zeros
     * included). Kalshi sends at most 6; the bound stops a value like {@code 1e-999999999}.
     */
    public static final int FIXED_POINT_MAX_SCALE = 30;

    /**
     * Longest text parsed as a fixed-point value (leading zeros and an exponent included): Jackson's own default
     * limit for the length of a JSON number. Longer text is refused before it is parsed.
     */
    public static final int FIXED_POINT_MAX_TEXT_LENGTH = 1000;

    /** How much of a refused value a message quotes: enough to recognise it, never a flood of digits. */
    private static final int EXCERPT = 40;

    private KalshiJson() {
    }

    /**
     * A new mapper configured for Kalshi models. Models also carry their own annotations, so a plain
     * {@link ObjectMapper} reads them too; this one adds exact decimals for untyped numbers and faster parsing.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("kalshi4j-decimals").addDeserializer(BigDecimal.class, new DecimalReader()))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
                // Null model properties are left out, but the contents of maps (a model's unknown properties and
                // the JSON nested in them) are written as they are: a null there is data the server sent.
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.ALWAYS))
                .build();
    }

    /**
     * Parses a decimal string for a builder or a query parameter, naming the field when it is not a number or is
     * outside the bounds of {@link #isFixedPoint}. Same as {@link #parseFixedPoint}.
     *
     * @throws IllegalArgumentException when {@code value} is not a decimal within the bounds
     */
    public static BigDecimal decimal(String field, String value) {
        return parseFixedPoint(field, value);
    }

    /**
     * True when {@code value} is within the bounds of a fixed-point value: at most
     * {@link #FIXED_POINT_MAX_INTEGER_DIGITS} digits before the decimal point and at most
     * {@link #FIXED_POINT_MAX_SCALE} after it, as written. Cheap for any input: a value outside the bounds is
     * recognised from its scale and precision without expanding it. {@code null} is not a value and is false.
     */
    public static boolean isFixedPoint(BigDecimal value) {
        if (value == null) {
            return false;
        }
        int scale = value.scale();
        // The scale test comes first: it alone rejects 1E+2147483647 and 1e-999999999, before precision() runs.
        if (scale > FIXED_POINT_MAX_SCALE || scale < -FIXED_POINT_MAX_INTEGER_DIGITS) {
            return false;
        }
        // Digits before the point: precision minus scale (zero or less for a value below one).
        return (long) value.precision() - scale <= FIXED_POINT_MAX_INTEGER_DIGITS;
    }

    /**
     * Returns {@code value} (null included) when it is within the bounds of {@link #isFixedPoint}.
     *
     * @param field the JSON name of the property, for the message
     * @throws IllegalArgumentException naming {@code field} and quoting the start of the value when it is not
     */
    public static BigDecimal checkFixedPoint(String field, BigDecimal value) {
        if (value != null && !isFixedPoint(value)) {
            throw new IllegalArgumentException(outOfBounds(field, value.toString()));
        }
        return value;
    }

    /**
     * Checks every decimal in {@code value}: a {@link BigDecimal}, or a collection of them at any depth (an order
     * book's rows). Returns {@code value}; nulls pass.
     *
     * @throws IllegalArgumentException when a decimal is outside the bounds of {@link #isFixedPoint}
     */
    public static <T> T checkFixedPoints(String field, T value) {
        if (value instanceof BigDecimal d) {
            checkFixedPoint(field, d);
        } else if (value instanceof Collection<?> c) {
            for (Object item : c) {
                checkFixedPoints(field, item);
            }
        }
        return value;
    }

    /**
     * Parses a fixed-point value from text such as {@code "0.5600"} (surrounding blanks ignored), refusing text
     * longer than {@link #FIXED_POINT_MAX_TEXT_LENGTH} before parsing it and values outside the bounds of
     * {@link #isFixedPoint}. Null stays null.
     *
     * @param field the JSON name of the property, for the message
     * @throws IllegalArgumentException naming {@code field} when the text is not such a value
     */
    public static BigDecimal parseFixedPoint(String field, String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > FIXED_POINT_MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(field + ": " + text.length() + " characters (\"" + excerpt(text)
                    + "\") is longer than a fixed-point value may be (" + FIXED_POINT_MAX_TEXT_LENGTH + ")");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a decimal string such as \"0.5600\", got \""
                    + excerpt(text) + "\"");
        }
        return checkFixedPoint(field, value);
    }

    private static String outOfBounds(String field, String text) {
        return field + ": \"" + excerpt(text) + "\" is outside the bounds of a fixed-point value (at most "
                + FIXED_POINT_MAX_INTEGER_DIGITS + " digits before the decimal point and " + FIXED_POINT_MAX_SCALE
                + " after it)";
    }

    private static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "... (" + text.length() + " characters)";
    }

    /**
     * Compares an integer with a range bound from the spec, exactly: as {@code long}s when the bound is a whole
     * number, else as decimals. Never through {@code double}, which cannot hold every {@code long}.
     *
     * @return negative, zero or positive as {@code value} is below, at or above {@code bound}
     */
    public static int compareToBound(long value, String bound) {
        try {
            return Long.compare(value, Long.parseLong(bound));
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(value).compareTo(new BigDecimal(bound));
        }
    }

    /** Compares a decimal with a range bound from the spec exactly ({@code 0.10} and {@code 0.1} are equal). */
    public static int compareToBound(BigDecimal value, String bound) {
        return value.compareTo(new BigDecimal(bound));
    }

    /** Compares a floating-point value with a range bound: its exact binary value against the decimal bound. */
    public static int compareToBound(double value, String bound) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.compare(value, Double.parseDouble(bound));
        }
        return new BigDecimal(value).compareTo(new BigDecimal(bound));
    }

    /**
     * Reads a fixed-point property: a {@link BigDecimal}, or a list (of lists) of them, from JSON strings or
     * numbers as Jackson's own decimal reader does, then refuses any value outside the bounds of
     * {@link #isFixedPoint} with an {@link InvalidFormatException} naming the property. Text longer than
     * {@link #FIXED_POINT_MAX_TEXT_LENGTH} is refused before it is parsed. Generated models put it on every money
     * and count property, so the bounds hold whichever mapper decodes them.
     */
    public static final class FixedPointReader extends JsonDeserializer<Object> implements ContextualDeserializer {
        private static final DecimalReader DECIMALS = new DecimalReader();
        private final String property;
        /** Lists around each decimal: 0 for a decimal, 1 for a list of them, 2 for a list of lists. */
        private final int depth;

        /** For Jackson, which makes the contextual instance for each property. */
        public FixedPointReader() {
            this("value", 0);
        }

        private FixedPointReader(String property, int depth) {
            this.property = property;
            this.depth = depth;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty beanProperty) {
            if (beanProperty == null) {
                return this;
            }
            int lists = 0;
            for (JavaType t = beanProperty.getType(); t.isCollectionLikeType() || t.isArrayType(); t = t.getContentType()) {
                lists++;
            }
            return new FixedPointReader(beanProperty.getName(), lists);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return read(p, ctxt, depth);
        }

        private Object read(JsonParser p, DeserializationContext ctxt, int lists) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL) {
                // Only reached inside a list; a null property never gets here.
                return null;
            }
            if (lists > 0) {
                if (t != JsonToken.START_ARRAY) {
                    return ctxt.handleUnexpectedToken(ctxt.constructType(List.class), t, p,
                            property + ": expected a list of " + (lists > 1 ? "lists" : "decimals"));
                }
                List<Object> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, ctxt, lists - 1));
                }
                return items;
            }
            if (t == JsonToken.VALUE_STRING && p.getTextLength() > FIXED_POINT_MAX_TEXT_LENGTH) {
                String text = p.getText();
                throw InvalidFormatException.from(p, property + ": a " + text.length() + "-character string is longer"
                        + " than a fixed-point value may be (" + FIXED_POINT_MAX_TEXT_LENGTH + ")", excerpt(text),
                        BigDecimal.class);
            }
            // The plain-decimal fast path first (DecimalReader), then the bounds.
            BigDecimal value = DECIMALS.deserialize(p, ctxt);
            if (value != null && !isFixedPoint(value)) {
                throw InvalidFormatException.from(p, outOfBounds(property, value.toString()), excerpt(value.toString()),
                        BigDecimal.class);
            }
            return value;
        }
    }

    /**
     * Writes {@link BigDecimal} values (also inside lists) as plain decimal strings: "0.5600" stays "0.5600". A
     * value outside the bounds of {@link #isFixedPoint} (which a builder would have refused) is a
     * {@link JsonMappingException}, never an attempt to print millions of digits.
     */
    public static final class DecimalAsString extends JsonSerializer<Object> {
        // Lets @JsonInclude(NON_EMPTY) leave out an empty list of decimals, as it does for any other list.
        @Override
        public boolean isEmpty(SerializerProvider provider, Object value) {
            return value == null || (value instanceof Collection<?> c && c.isEmpty());
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (value instanceof BigDecimal d) {
                if (!isFixedPoint(d)) {
                    throw JsonMappingException.from(serializers, outOfBounds("a decimal property", d.toString()));
                }
                gen.writeString(d.toPlainString());
            } else if (value instanceof Collection<?> c) {
                gen.writeStartArray();
                for (Object item : c) {
                    if (item == null) {
                        gen.writeNull();
                    } else {
                        serialize(item, gen, serializers);
                    }
                }
                gen.writeEndArray();
            } else {
                serializers.defaultSerializeValue(value, gen);
            }
        }
    }

    /**
     * Reads {@link BigDecimal} exactly as Jackson's own deserializer does, without its regular-expression check of
     * decimal strings: a plain decimal string ({@code "0.5600"}, {@code "-40.00"}, {@code "12"}: an optional minus,
     * digits, and at most one point between digits) cannot fail that check, and running it was about a tenth of the
     * time and a fifth of the allocation of decoding an orderbook_delta frame (two money strings). Every other token
     * or string, and every coercion setting, goes to Jackson's code.
     */
    public static final class DecimalReader extends NumberDeserializers.BigDecimalDeserializer {
        private static final long serialVersionUID = 1L;

        /** Plain decimal strings longer than this are left to Jackson's code, like anything unusual. */
        private static final int PLAIN_MAX = 64;

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                // The same steps as Jackson's deserializer for a string, minus the pattern a plain decimal passes.
                if (isPlainDecimal(text) && _checkFromStringCoercion(ctxt, text) == CoercionAction.TryConvert) {
                    p.streamReadConstraints().validateFPLength(text.length());
                    try {
                        return NumberInput.parseBigDecimal(text, p.isEnabled(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER));
                    } catch (IllegalArgumentException e) {
                        // Jackson's code reports it in its own words.
                    }
                }
            }
            return super.deserialize(p, ctxt);
        }

        /** An optional minus, then digits with at most one point, which has a digit on both sides. */
        static boolean isPlainDecimal(String s) {
            int n = s.length();
            int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
            if (n - i < 1 || n > PLAIN_MAX) {
                return false;
            }
            boolean point = false;
            for (int k = i; k < n; k++) {
                char c = s.charAt(k);
                if (c == '.') {
                    if (point || k == i || k == n - 1) {
                        return false;
                    }
                    point = true;
                } else if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }
    }

    /** Writes times as RFC 3339 with offset. */
    public static final class DateTimeWriter extends JsonSerializer<OffsetDateTime> {
        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    /**
     * Reads RFC 3339 times, keeping the offset; an empty string reads as null, and an integer as Unix seconds
     * (some Kalshi servers send epoch numbers where the spec says date-time).
     */
    public static final class DateTimeReader extends JsonDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return OffsetDateTime.ofInstant(Instant.ofEpochSecond(p.getLongValue()), ZoneOffset.UTC);
            }
            String text = p.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            OffsetDateTime fast = parseRfc3339(text);
            if (fast != null) {
                return fast;
            }
            try {
                return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.ofInstant(Instant.parse(text.trim()), ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text,
                            "not an RFC 3339 date-time");
                }
            }
        }
    }

    /**
     * Parses the RFC 3339 shapes Kalshi sends ({@code 2026-01-12T22:08:10Z}, with an optional fraction of up to
     * nine digits and a {@code Z} or {@code +hh:mm} offset) without a DateTimeFormatter, which dominates decode
     * time on large pages; returns null for anything else so the caller falls back to the full parser.
     */
    public static OffsetDateTime parseRfc3339(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 9) {
                return null;
            }
            nanos = digits(s, start, len);
            for (int k = len; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= n) {
            return null;
        }
        ZoneOffset offset;
        char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i == n - 1) {
            offset = ZoneOffset.UTC;
        } else if ((c == '+' || c == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if ((oh | om) < 0) {
                return null;
            }
            offset = c == '+' ? ZoneOffset.ofHoursMinutes(oh, om) : ZoneOffset.ofHoursMinutes(-oh, -om);
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (java.time.DateTimeException invalidDate) {
            return null;
        }
    }

    private static int digits(String s, int start, int len) {
        int v = 0;
        for (int k = start; k < start + len; k++) {
            char ch = s.charAt(k);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
