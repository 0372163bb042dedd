// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/KalshiJson.mustache, not this file.
package io.github.kalshi4j.transport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/**
 * JSON conventions of the generated models: money and counts are decimal strings on the wire and
 * {@link BigDecimal} in Java (never a double); times are RFC 3339; nulls are not written.
 */
public final class KalshiJson {

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
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /** Parses a decimal string for a builder, naming the field when it is not a number. */
    public static BigDecimal decimal(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a decimal string such as \"0.5600\", got \"" + value + "\"");
        }
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

    /** Writes {@link BigDecimal} values (also inside lists) as plain decimal strings: "0.5600" stays "0.5600". */
    public static final class DecimalAsString extends JsonSerializer<Object> {
        // Lets @JsonInclude(NON_EMPTY) leave out an empty list of decimals, as it does for any other list.
        @Override
        public boolean isEmpty(SerializerProvider provider, Object value) {
            return value == null || (value instanceof Collection<?> c && c.isEmpty());
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (value instanceof BigDecimal d) {
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
