package io.github.kalshi4j.perps.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.perps.ws.model.MarginOrderbookDeltaPayload;
import io.github.kalshi4j.transport.KalshiJson;
import io.github.kalshi4j.ws.OverflowPolicy;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The perps (margin) WebSocket surface generated from the pinned perps AsyncAPI document by the Trade API's templates
 * (overlay/pom.xml, perps-ws-surface): its channel catalogue has the document's six data channels with their
 * messages, and a perps frame decodes through its {@link MessageTable} into its {@link WsMessage} record.
 */
class PerpsWsSurfaceTest {

    private final ObjectMapper mapper = KalshiJson.newMapper();

    @Test
    void theCatalogueHasTheSpecsSixDataChannelsWithTheirMessages() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("orderbook_delta", List.of("orderbook_snapshot", "orderbook_delta"));
        expected.put("ticker", List.of("ticker"));
        expected.put("trade", List.of("trade"));
        expected.put("fill", List.of("fill"));
        expected.put("user_orders", List.of("user_order"));
        expected.put("order_group_updates", List.of("order_group_updates"));
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (Channel c : Channel.known()) {
            actual.put(c.wire(), c.messageTypes());
            assertTrue(c.isKnown(), c.wire());
        }
        assertEquals(expected, actual);
        assertEquals(Set.copyOf(List.of("orderbook_snapshot", "orderbook_delta", "ticker", "trade", "fill", "user_order",
                "order_group_updates")), MessageTable.dataTypes());
    }

    @Test
    void theCatalogueCarriesWhatTheDocumentAndItsCorrectionsSay() {
        assertTrue(Channel.ORDERBOOK_DELTA.isSequenced());
        assertEquals(Channel.MarketFilter.REQUIRED, Channel.ORDERBOOK_DELTA.marketFilter());
        assertEquals(Channel.MarketFilter.OPTIONAL, Channel.USER_ORDERS.marketFilter());
        assertEquals(Channel.MarketFilter.IGNORED, Channel.ORDER_GROUP_UPDATES.marketFilter());
        for (Channel c : List.of(Channel.FILL, Channel.USER_ORDERS, Channel.ORDER_GROUP_UPDATES)) {
            assertTrue(c.isUserData(), c.wire());
        }
        for (Channel c : List.of(Channel.ORDERBOOK_DELTA, Channel.TICKER, Channel.TRADE)) {
            assertFalse(c.isUserData(), c.wire());
        }
        assertEquals(OverflowPolicy.DROP_OLDEST, Channel.TICKER.defaultOverflowPolicy());
        assertEquals(OverflowPolicy.FAIL, Channel.FILL.defaultOverflowPolicy());
        assertEquals(Optional.of(Channel.USER_ORDERS), Channel.forMessageType("user_order"));
        assertTrue(MessageTable.isReply("subscribed"));
        assertTrue(WsServers.PRODUCTION.toString().startsWith("wss://"), WsServers.PRODUCTION.toString());
        assertTrue(WsServers.DEMO.toString().startsWith("wss://"), WsServers.DEMO.toString());
    }

    @Test
    void aPerpsFrameDecodesIntoItsRecordThroughTheMessageTable() throws Exception {
        JsonNode frame = mapper.readTree("{\"type\":\"orderbook_delta\",\"sid\":7,\"seq\":42,\"msg\":{"
                + "\"market_ticker\":\"BTC-PERP\",\"price\":\"67250.5000\",\"delta\":\"-3.00\",\"side\":\"bid\","
                + "\"ts_ms\":1710000000123}}");
        WsMessage m = MessageTable.decode(mapper, "orderbook_delta", frame, 7, OptionalLong.of(42));
        WsMessage.OrderbookDelta delta = assertInstanceOf(WsMessage.OrderbookDelta.class, m);
        assertEquals("orderbook_delta", delta.type());
        assertEquals(7, delta.sid());
        assertEquals(OptionalLong.of(42), delta.seq());
        assertEquals(Optional.of("BTC-PERP"), delta.marketTicker());
        assertInstanceOf(MarginOrderbookDeltaPayload.class, delta.payload());
        assertEquals(new BigDecimal("67250.5000"), delta.msg().price());
        assertEquals(new BigDecimal("-3.00"), delta.msg().delta());
        assertEquals(Long.valueOf(1710000000123L), delta.msg().tsMs());
        assertEquals("delta", delta.accept(new WsMessage.Visitor<String>() {
            @Override
            public String otherwise(WsMessage message) {
                return "other";
            }

            @Override
            public String visit(WsMessage.OrderbookDelta message) {
                return "delta";
            }
        }));
    }

    @Test
    void aUserOrderNamesItsMarketFromMsgTicker() throws Exception {
        JsonNode frame = mapper.readTree("{\"type\":\"user_order\",\"sid\":3,\"msg\":{"
                + "\"order_id\":\"0b6f3c1e-1111-4a4a-9b9b-222222222222\","
                + "\"user_id\":\"0b6f3c1e-3333-4a4a-9b9b-444444444444\",\"client_order_id\":\"c1\","
                + "\"ticker\":\"ETH-PERP\",\"side\":\"ask\",\"price\":\"3100.25\",\"fill_count\":\"0\","
                + "\"remaining_count\":\"2\",\"created_ts_ms\":1710000000000,\"order_source\":\"user\"}}");
        WsMessage m = MessageTable.decode(mapper, "user_order", frame, 3, OptionalLong.empty());
        WsMessage.UserOrder order = assertInstanceOf(WsMessage.UserOrder.class, m);
        assertEquals(Optional.of("ETH-PERP"), order.marketTicker());
        assertEquals(new BigDecimal("3100.25"), order.msg().price());
    }

    @Test
    void aTypeTheSdkDoesNotKnowHasNoRecord() throws Exception {
        JsonNode frame = mapper.readTree("{\"type\":\"funding\",\"sid\":1,\"msg\":{}}");
        assertNull(MessageTable.decode(mapper, "funding", frame, 1, OptionalLong.empty()));
        assertEquals("funding", new WsMessage.Unknown(frame).type());
    }
}
