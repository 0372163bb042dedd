package io.github.kalshi4j.generated;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.kalshi4j.transport.KalshiJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The models' mapper reads {@link BigDecimal} exactly as Jackson's own deserializer does: the same value and scale for
 * every decimal it accepts, and a failure of the same kind for everything it refuses, whatever the coercion settings.
 */
class DecimalReadingTest {

    /** JSON values a money field may meet: plain decimal strings, every odd string shape, and other tokens. */
    private static final List<String> VALUES = List.of(
            "\"0.5600\"", "\"-40.00\"", "\"12\"", "\"0\"", "\"-0\"", "\"-0.00\"", "\"00.10\"", "\"5\"", "\"275.00\"",
            "\"123456789012345678901234567890.123456789\"", "\"" + "9".repeat(70) + "\"", "\"0." + "1".repeat(70) + "\"",
            "\"1.\"", "\".5\"", "\"-.5\"", "\"+1.5\"", "\"1e5\"", "\"1.5E-3\"", "\"-\"", "\"\"", "\" \"", "\" 1.5\"",
            "\"1.5 \"", "\"1..5\"", "\"1.2.3\"", "\"--1\"", "\"NaN\"", "\"Infinity\"", "\"null\"", "\"0x10\"", "\"1,5\"",
            "\"١٢\"", "0.5600", "-40.00", "12", "1e2", "1.0E+2", "null", "true", "[\"0.56\"]", "[]", "{}");

    @Test
    void theModelsMapperReadsEveryDecimalLikeJacksonsOwnDeserializer() {
        ObjectMapper kalshi = KalshiJson.newMapper();
        ObjectMapper jackson = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
                .build();
        assertTrue(kalshi.getRegisteredModuleIds().contains("kalshi4j-decimals"), "the mapper reads decimals itself");
        List<String> problems = compare(kalshi, jackson);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        assertEquals("5600 scale 4", read(kalshi, "\"0.5600\""), "the exact text, trailing zeros kept");
    }

    @Test
    void coercionSettingsApplyToPlainDecimalStringsToo() {
        ObjectMapper kalshi = ((JsonMapper) KalshiJson.newMapper()).rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
        ObjectMapper jackson = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        List<String> problems = compare(kalshi, jackson);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        assertEquals("failed: MismatchedInputException", read(kalshi, "\"0.5600\""), "strings are not coerced");
    }

    private static List<String> compare(ObjectMapper kalshi, ObjectMapper jackson) {
        List<String> problems = new ArrayList<>();
        for (String json : VALUES) {
            String ours = read(kalshi, json);
            String theirs = read(jackson, json);
            if (!ours.equals(theirs)) {
                problems.add(json + ": " + ours + ", Jackson: " + theirs);
            }
        }
        return problems;
    }

    /** The value with its scale, or the kind of failure. */
    private static String read(ObjectMapper mapper, String json) {
        try {
            BigDecimal d = mapper.readValue(json, BigDecimal.class);
            return d == null ? "null" : d.unscaledValue() + " scale " + d.scale();
        } catch (Exception e) {
            return "failed: " + e.getClass().getSimpleName();
        }
    }
}
