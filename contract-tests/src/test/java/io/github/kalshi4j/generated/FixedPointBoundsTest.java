package io.github.kalshi4j.generated;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.GetMarketsResponse;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.model.OrderbookCountFp;
import io.github.kalshi4j.transport.KalshiJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounds of a fixed-point value (every {@code *_dollars} / {@code *_fp} property and {@code FixedPoint*}
 * schema): {@link KalshiJson#FIXED_POINT_MAX_INTEGER_DIGITS} digits before the decimal point,
 * {@link KalshiJson#FIXED_POINT_MAX_SCALE} after it. The generated models enforce them when decoding, with any
 * mapper, and their builders when a value is set; {@link KalshiJson#isFixedPoint} is the one check both use.
 */
class FixedPointBoundsTest {

    private static final Duration QUICKLY = Duration.ofSeconds(5);
    private final ObjectMapper kalshi = KalshiJson.newMapper();
    private final ObjectMapper plain = new ObjectMapper();

    @Test
    void theBoundsAreInclusiveAndCountDigitsAsWritten() {
        String max = "9".repeat(KalshiJson.FIXED_POINT_MAX_INTEGER_DIGITS);
        String fraction = "1".repeat(KalshiJson.FIXED_POINT_MAX_SCALE);
        assertTrue(KalshiJson.isFixedPoint(new BigDecimal(max + "." + fraction)));
        assertTrue(KalshiJson.isFixedPoint(new BigDecimal("-" + max)));
        assertTrue(KalshiJson.isFixedPoint(new BigDecimal("1E+" + (KalshiJson.FIXED_POINT_MAX_INTEGER_DIGITS - 1))));
        assertTrue(KalshiJson.isFixedPoint(new BigDecimal("0.5600")));
        assertTrue(KalshiJson.isFixedPoint(BigDecimal.ZERO));
        assertFalse(KalshiJson.isFixedPoint(new BigDecimal("1" + max)), "one digit too many before the point");
        assertFalse(KalshiJson.isFixedPoint(new BigDecimal("0." + fraction + "1")), "one digit too many after it");
        assertFalse(KalshiJson.isFixedPoint(new BigDecimal("0." + "0".repeat(KalshiJson.FIXED_POINT_MAX_SCALE + 1))),
                "trailing zeros count: the value is written with that scale");
        assertFalse(KalshiJson.isFixedPoint(new BigDecimal("1E+" + KalshiJson.FIXED_POINT_MAX_INTEGER_DIGITS)));
        assertFalse(KalshiJson.isFixedPoint(new BigDecimal("1E+2147483647")));
        assertFalse(KalshiJson.isFixedPoint(new BigDecimal("1E-2147483647")));
        assertFalse(KalshiJson.isFixedPoint(new BigDecimal(BigInteger.TEN.pow(100_000), 99_990)),
                "ten digits before the point, but 99,990 after");
    }

    @Test
    void theSharedCheckNamesTheFieldAndPassesNullAndGoodValuesThrough() {
        assertNull(KalshiJson.checkFixedPoint("price_dollars", (BigDecimal) null));
        BigDecimal ok = new BigDecimal("0.4000");
        assertEquals(ok, KalshiJson.checkFixedPoint("price_dollars", ok));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KalshiJson.checkFixedPoint("price_dollars", new BigDecimal("1E+30000000")));
        assertTrue(e.getMessage().contains("price_dollars") && e.getMessage().contains("1E+30000000"), e.getMessage());
        assertEquals(ok, KalshiJson.parseFixedPoint("price_dollars", " 0.4000 "));
        assertThrows(IllegalArgumentException.class, () -> KalshiJson.parseFixedPoint("delta_fp", "1e-999999999"));
        assertThrows(IllegalArgumentException.class, () -> KalshiJson.parseFixedPoint("delta_fp", "NaN"));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> KalshiJson.parseFixedPoint("delta_fp", "1".repeat(KalshiJson.FIXED_POINT_MAX_TEXT_LENGTH + 1)));
        assertTrue(tooLong.getMessage().length() < 400, "the message quotes an excerpt, not the whole text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1E+30000000\"", "1E+30000000", "\"1E+2147483647\"", "\"1e-999999999\"",
            "\"-1E+2147483647\"", "123456789012345678901234567890123"})
    void aModelRefusesAHugeExponentWhenDecodedWithAnyMapper(String hostile) {
        for (ObjectMapper m : List.of(kalshi, plain)) {
            JsonMappingException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(JsonMappingException.class,
                    () -> m.readValue("{\"ticker\":\"T\",\"yes_bid_dollars\":" + hostile + "}", Market.class)));
            assertTrue(e.getOriginalMessage().contains("yes_bid_dollars"), e.getOriginalMessage());
        }
    }

    @Test
    void listsOfDecimalsAreBoundedAtEveryDepthAndKeepTheirShape() throws Exception {
        for (ObjectMapper m : List.of(kalshi, plain)) {
            OrderbookCountFp book = m.readValue("{\"yes_dollars\":[[\"0.4000\",\"10.00\"],[\"0.3900\",\"1\"]],"
                    + "\"no_dollars\":null}", OrderbookCountFp.class);
            assertEquals(List.of(List.of(new BigDecimal("0.4000"), new BigDecimal("10.00")),
                    List.of(new BigDecimal("0.3900"), BigDecimal.ONE)), book.yesDollars());
            assertEquals(List.of(), book.noDollars());
            assertThrows(JsonMappingException.class, () -> m.readValue(
                    "{\"yes_dollars\":[[\"0.4000\",\"1e-999999999\"]]}", OrderbookCountFp.class));
            assertThrows(JsonMappingException.class, () -> m.readValue(
                    "{\"yes_dollars\":[\"0.4000\"]}", OrderbookCountFp.class), "a row must be a list");
            assertThrows(JsonMappingException.class, () -> m.readValue(
                    "{\"yes_dollars\":[[[\"0.4000\"]]]}", OrderbookCountFp.class), "a price is not a list");
        }
    }

    @Test
    void decodingAPageWithGoodDecimalsIsUnchanged() throws Exception {
        GetMarketsResponse page = kalshi.readValue("{\"markets\":[{\"ticker\":\"A\",\"yes_bid_dollars\":\"0.5600\","
                + "\"volume_fp\":1200,\"last_price_dollars\":\"\"}],\"cursor\":\"\"}", GetMarketsResponse.class);
        Market m = page.markets().get(0);
        assertEquals("0.5600", m.yesBidDollars().toPlainString());
        assertEquals(new BigDecimal("1200"), m.volumeFp());
        assertNull(m.lastPriceDollars(), "an empty string still reads as absent");
    }

    @Test
    void buildersRefuseOutOfBoundsValuesWhenSet() {
        assertThrows(IllegalArgumentException.class, () -> CreateOrderV2Request.builder().price("1E+999999999"));
        assertThrows(IllegalArgumentException.class,
                () -> CreateOrderV2Request.builder().count(new BigDecimal("1E-999999999")));
        List<BigDecimal> row = new ArrayList<>(List.of(new BigDecimal("0.40"), new BigDecimal("1E+40")));
        assertThrows(IllegalArgumentException.class, () -> OrderbookCountFp.builder().yesDollars(List.of(row)));
        assertThrows(IllegalArgumentException.class, () -> OrderbookCountFp.builder().addYesDollars(row));
        OrderbookCountFp ok = OrderbookCountFp.builder().yesDollars(List.of(List.of(new BigDecimal("0.40"),
                BigDecimal.TEN))).build();
        assertEquals(1, ok.yesDollars().size());
    }
}
