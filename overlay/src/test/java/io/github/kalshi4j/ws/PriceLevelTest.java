package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceLevelTest {

    @Test
    void equality_isNumericIgnoringScale() {
        PriceLevel a = new PriceLevel(new BigDecimal("0.56"), new BigDecimal("10"));
        PriceLevel b = new PriceLevel(new BigDecimal("0.5600"), new BigDecimal("10.00"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new PriceLevel(new BigDecimal("0.5600"), new BigDecimal("10.01")));
    }

    @Test
    void components_keepTheirScale() {
        PriceLevel l = new PriceLevel(new BigDecimal("0.5600"), new BigDecimal("10.00"));
        assertEquals("0.5600", l.price().toPlainString());
        assertEquals("0.5600x10.00", l.toString());
    }

    @Test
    void nulls_areRejected() {
        assertThrows(NullPointerException.class, () -> new PriceLevel(null, BigDecimal.ONE));
        assertThrows(NullPointerException.class, () -> new PriceLevel(BigDecimal.ONE, null));
    }
}
