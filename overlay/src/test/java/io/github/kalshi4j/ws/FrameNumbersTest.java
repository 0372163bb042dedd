package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.internal.KalshiMappers;
import io.github.kalshi4j.ws.model.LifecycleAdditionalMetadata;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * JSON floats in a WebSocket frame reach the model as written, whichever way the frame is decoded: a frame with a
 * float goes through a tree, and the tree must not rewrite {@code 100.0} as {@code 1E+2} on the way.
 */
class FrameNumbersTest {

    private final ObjectMapper mapper = KalshiMappers.create();
    private final FrameDecoder decoder = new FrameDecoder(mapper, e -> {
        throw new AssertionError(e);
    });

    @Test
    void floatsInAFrameReadThroughATree_keepTheirScale() throws Exception {
        String text = "{\"type\":\"market_lifecycle_v2\",\"sid\":3,\"seq\":9,\"msg\":{\"market_ticker\":\"KX-T1\","
                + "\"event_type\":\"created\",\"additional_metadata\":{\"floor_strike\":100.0,\"cap_strike\":2.50}}}";
        // A type two messages share: never the one-pass way.
        assertNull(decoder.decodeData(text));
        JsonNode tree = mapper.readTree(text);
        WsMessage.MarketLifecycle m = assertInstanceOf(WsMessage.MarketLifecycle.class,
                decoder.decode("market_lifecycle_v2", tree));
        LifecycleAdditionalMetadata meta = m.payload().msg().additionalMetadata();
        assertEquals(new BigDecimal("100.0"), meta.floorStrike());
        assertEquals("100.0", meta.floorStrike().toString());
        assertEquals(new BigDecimal("2.50"), meta.capStrike());
    }
}
