package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SideTest {

    @Test
    void fromWire_acceptsYesAndNo() {
        assertEquals(Side.YES, Side.fromWire("yes"));
        assertEquals(Side.NO, Side.fromWire("no"));
        assertEquals(Side.YES, Side.fromWire("YES"));
    }

    @Test
    void fromWire_rejectsAnythingElse() {
        assertThrows(IllegalArgumentException.class, () -> Side.fromWire("bid"));
        assertThrows(IllegalArgumentException.class, () -> Side.fromWire(""));
        assertThrows(IllegalArgumentException.class, () -> Side.fromWire(null));
    }

    @Test
    void wire_roundTripsAndOppositeSwaps() {
        for (Side s : Side.values()) {
            assertEquals(s, Side.fromWire(s.wire()));
            assertEquals(s, s.opposite().opposite());
        }
        assertEquals(Side.NO, Side.YES.opposite());
    }
}
