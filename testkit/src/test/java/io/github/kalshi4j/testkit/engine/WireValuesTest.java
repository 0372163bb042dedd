package io.github.kalshi4j.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.model.SelfTradePreventionType;
import io.github.kalshi4j.ws.Side;
import org.junit.jupiter.api.Test;

/** Request and seed values read into the SDK's and the generated types, refused the way Kalshi refuses them. */
final class WireValuesTest {

    @Test
    void sidesAndGeneratedEnumsReadAnyCaseAndSurroundingBlanks() {
        assertEquals(Side.NO, WireValues.side(" No "));
        assertEquals(OrderStatus.RESTING, WireValues.orderStatus("RESTING"));
        assertEquals(SelfTradePreventionType.TAKER_AT_CROSS, WireValues.selfTradePrevention("taker_at_cross "));
        assertEquals(TimeInForce.FILL_OR_KILL, TimeInForce.fromWire("Fill_Or_Kill"));
    }

    @Test
    void aValueTheSpecDoesNotListIsInvalidParametersNotAnUnknownConstant() {
        ExchangeException e = assertThrows(ExchangeException.class, () -> WireValues.orderStatus("pending"));
        assertTrue(e.getMessage().contains("unknown order status 'pending'"), e.getMessage());
        assertThrows(ExchangeException.class, () -> WireValues.selfTradePrevention(null));
        assertThrows(ExchangeException.class, () -> WireValues.side("maybe"));
        assertThrows(ExchangeException.class, () -> Action.fromWire("hold"));
    }
}
