package io.github.kalshi4j.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Found by the reliability suite's WebSocket frame fuzzer (issue 17): the engine reads frames with readTree. */
class KalshiMappersTreeTest {

    private final ObjectMapper mapper = KalshiMappers.create();

    @ParameterizedTest
    @ValueSource(strings = {"1E-2147483648", "-1E-2147483648", "1E+2147483648"})
    void aTreeWithANumberNoBigDecimalHolds_isAJsonProcessingException_notANumberFormatException(String n) {
        assertThrows(JsonProcessingException.class,
                () -> mapper.readTree("{\"type\":\"trade\",\"msg\":{\"count_fp\":" + n + "}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5600", "1E+30", "-12", "null"})
    void ordinaryNumbersAndNulls_readAsBefore(String n) throws JsonProcessingException {
        JsonNode tree = mapper.readTree("{\"msg\":{\"v\":" + n + ",\"list\":[" + n + "]}}");
        assertEquals(1, tree.path("msg").path("list").size());
        if (n.equals("null")) {
            assertEquals(true, tree.path("msg").get("v").isNull());
        } else {
            assertEquals(0, new BigDecimal(n).compareTo(tree.path("msg").path("v").decimalValue()));
        }
    }
}
