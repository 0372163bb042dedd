package io.github.kalshi4j.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.model.GetMarketsResponse;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.transport.KalshiJson;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every generated model survives write-then-read unchanged, and the model conventions hold. */
class GeneratedModelRoundTripTest {

    private final ObjectMapper mapper = KalshiJson.newMapper();

    @TestFactory
    Stream<DynamicTest> everyModel_roundTripsThroughJson() {
        List<Class<?>> models = Stream.concat(ModelSamples.modelClasses("io.github.kalshi4j.model").stream(),
                ModelSamples.modelClasses("io.github.kalshi4j.ws.model").stream()).toList();
        assertTrue(models.size() > 190, "expected every REST and WebSocket model, found " + models.size());
        return models.stream().map(c -> DynamicTest.dynamicTest(c.getSimpleName(), () -> {
            Object original = ModelSamples.filled(c, 0);
            String json = mapper.writeValueAsString(original);
            Object decoded = mapper.readValue(json, c);
            assertEquals(original, decoded, () -> c.getSimpleName() + " changed in a round trip through " + json);
            assertEquals(original.hashCode(), decoded.hashCode());
            assertEquals(original, c.getMethod("toBuilder").invoke(original).getClass().getMethod("build")
                    .invoke(c.getMethod("toBuilder").invoke(original)), "toBuilder().build() must equal the original");
        }));
    }

    @Test
    void moneyField_isBigDecimal_andKeepsItsStringExactly() throws Exception {
        assertEquals(BigDecimal.class, Market.class.getMethod("yesBidDollars").getReturnType());
        Market m = mapper.readValue("{\"ticker\":\"T\",\"yes_bid_dollars\":\"0.5600\",\"volume_fp\":\"10.00\"}", Market.class);
        assertEquals(new BigDecimal("0.5600"), m.yesBidDollars());
        assertEquals("0.5600", m.yesBidDollars().toPlainString(), "scale must survive: no double in between");
        JsonNode written = mapper.readTree(mapper.writeValueAsString(m));
        assertTrue(written.get("yes_bid_dollars").isTextual(), "money is written as a JSON string");
        assertEquals("0.5600", written.get("yes_bid_dollars").asText());
        assertEquals("10.00", written.get("volume_fp").asText());
        assertEquals(m.yesBidDollars(), m.yesBid(), "short accessor reads the same field");
    }

    @Test
    void moneyBuilder_takesDecimalStrings_andRejectsGarbageWithFieldName() {
        Market m = Market.builder().ticker("T").yesBid("0.5600").build();
        assertEquals(new BigDecimal("0.5600"), m.yesBidDollars());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Market.builder().yesBid("fifty"));
        assertTrue(e.getMessage().contains("yes_bid_dollars"), e.getMessage());
    }

    @Test
    void nullAndAbsentLists_readAsEmpty_andListsAreImmutable() throws Exception {
        GetMarketsResponse withNull = mapper.readValue("{\"markets\":null,\"cursor\":\"\"}", GetMarketsResponse.class);
        GetMarketsResponse absent = mapper.readValue("{\"cursor\":\"\"}", GetMarketsResponse.class);
        assertEquals(List.of(), withNull.markets());
        assertEquals(List.of(), absent.markets());
        assertEquals(List.of(), GetMarketsResponse.builder().markets(null).build().markets());
        assertThrows(UnsupportedOperationException.class, () -> withNull.markets().add(null));
        GetMarketsResponse one = mapper.readValue("{\"markets\":[{\"ticker\":\"A\"}]}", GetMarketsResponse.class);
        assertThrows(UnsupportedOperationException.class, () -> one.markets().clear());
    }

    @Test
    void unknownProperties_areKept_andWrittenBack() throws Exception {
        Market m = mapper.readValue("{\"ticker\":\"T\",\"brand_new_field\":{\"a\":1}}", Market.class);
        assertEquals(1, m.additionalProperties().size());
        JsonNode back = mapper.readTree(mapper.writeValueAsString(m));
        assertEquals(1, back.path("brand_new_field").path("a").asInt());
    }

    /**
     * What this SDK version does not know it cannot judge, so it hands it back exactly: a null inside an unknown
     * property is data (Kalshi uses null to mean "not set"), and dropping it changes what a re-sent or stored
     * payload says.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mappers")
    void unknownProperties_keepTheirNullsAtEveryDepth_whenWrittenBack(String name, ObjectMapper m) throws Exception {
        String unknown = "{\"deep\":{\"deeper\":[{\"k\":null},null,{\"n\":[null,1]}],\"also\":null}}";
        Market market = m.readValue("{\"ticker\":\"T\",\"zz\":" + unknown + ",\"top\":null}", Market.class);
        JsonNode back = m.readTree(m.writeValueAsString(market));
        assertEquals(m.readTree(unknown), back.get("zz"), () -> "unknown JSON changed in a round trip: " + back);
        assertTrue(back.has("top") && back.get("top").isNull(), () -> "an unknown top-level null was dropped: " + back);
        assertEquals(m.readTree("{\"ticker\":\"T\",\"price_ranges\":[],\"zz\":" + unknown + ",\"top\":null}"), back,
                "known nulls stay unwritten, unknown ones come back");
    }

    static Stream<Arguments> mappers() {
        return Stream.of(Arguments.of("KalshiJson.newMapper()", KalshiJson.newMapper()),
                Arguments.of("KalshiMappers.create()", io.github.kalshi4j.internal.KalshiMappers.create()),
                Arguments.of("a plain ObjectMapper", new ObjectMapper()));
    }

    @Test
    void unknownEnumValue_decodesAsUnknown_andKeepsTheRawString() throws Exception {
        Market m = mapper.readValue("{\"ticker\":\"T\",\"status\":\"paused_for_lunch\"}", Market.class);
        assertEquals(Market.StatusEnum.UNKNOWN, m.status());
        assertEquals("paused_for_lunch", m.statusAsString());
        assertEquals("paused_for_lunch", mapper.readTree(mapper.writeValueAsString(m)).get("status").asText());
        assertEquals(OrderStatus.UNKNOWN, OrderStatus.fromValue("on_the_moon"));
        assertNull(OrderStatus.fromValue(null));
        assertThrows(IllegalArgumentException.class, () -> Market.builder().status(Market.StatusEnum.UNKNOWN));
    }

    @Test
    void nullsAreNotWritten_butRequiredListsAre_evenWhenEmpty() throws Exception {
        Market m = Market.builder().ticker("T").build();
        JsonNode tree = mapper.readTree(mapper.writeValueAsString(m));
        assertEquals("T", tree.get("ticker").asText());
        tree.fields().forEachRemaining(f -> assertTrue(!f.getValue().isNull(), f.getKey() + " written as null"));
        assertTrue(tree.get("price_ranges").isArray(), "the spec requires price_ranges, so [] is written: " + tree);
        assertEquals(2, tree.size(), "only set properties and required lists are written: " + tree);
        JsonNode optionalList = mapper.readTree(mapper.writeValueAsString(
                io.github.kalshi4j.model.Series.builder().ticker("S").build()));
        assertTrue(!optionalList.has("product_metadata"), "unset optional properties are omitted: " + optionalList);
    }

    @Test
    void int64_isLong_andDateTime_isOffsetDateTime() throws Exception {
        assertEquals(java.time.OffsetDateTime.class, Market.class.getMethod("closeTime").getReturnType());
        Class<?> volume = io.github.kalshi4j.model.GetBalanceResponse.class.getMethod("balance").getReturnType();
        assertEquals(Long.class, volume);
    }

    @Test
    void modelsAreFinal_withValueEquality() {
        assertTrue(java.lang.reflect.Modifier.isFinal(Market.class.getModifiers()));
        assertEquals(Market.builder().ticker("A").build(), Market.builder().ticker("A").build());
        assertNotEquals(Market.builder().ticker("A").build(), Market.builder().ticker("B").build());
    }
}
