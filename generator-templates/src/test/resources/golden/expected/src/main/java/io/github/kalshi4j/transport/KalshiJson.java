// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/KalshiJson.mustache, not this file.
package io.github.kalshi4j.transport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
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

    /** Writes {@link BigDecimal} values (also inside lists) as plain decimal strings: "0.5600" stays "0.5600". */
    public static final class DecimalAsString extends JsonSerializer<Object> {
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
}
