package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The spec readers keep YAML mapping keys as strings (YAML 1.2 semantics for our purpose): the order book's
 * {@code yes}/{@code no} properties are names, not booleans, in the AsyncAPI document and in old OpenAPI versions.
 */
class AsyncApiReaderTest {

    @Test
    void yesAndNoStayPropertyNamesInTheAsyncApiDocument() {
        // The original AsyncAPI 2.0.0 (the pin before the bump) still has the integer-cent book forms named yes/no.
        byte[] bytes = Repo.read(Repo.SHARED_SPECS.resolve("kalshi-asyncapi-2.0.0.yaml"));
        JsonNode msg = AsyncApiReader.tree(bytes).path("components").path("schemas").path("orderbookSnapshotPayload")
                .path("properties").path("msg").path("properties");
        List<String> names = new ArrayList<>();
        msg.fieldNames().forEachRemaining(names::add);
        assertTrue(names.containsAll(List.of("yes", "no")), names.toString());

        ApiShape shape = AsyncApiReader.read(bytes, "asyncapi");
        TypeRef msgType = shape.schemas().get("orderbookSnapshotPayload").properties().get("msg").specType();
        SchemaShape inline = assertInstanceOf(TypeRef.InlineObject.class, msgType).schema();
        assertTrue(inline.properties().keySet().containsAll(Set.of("yes", "no", "yes_dollars_fp")), inline.toString());
        assertEquals("array<array<integer>>", inline.properties().get("yes").specType().render());
    }

    @Test
    void yesAndNoStayPropertyNamesThroughSwaggerParser() {
        ApiShape v38 = OpenApiReader.read(Repo.shared("previous/kalshi-openapi-3.8.0.yaml"), "3.8.0");
        SchemaShape orderbook = v38.schemas().get("Orderbook");
        assertTrue(orderbook.properties().keySet().containsAll(Set.of("yes", "no")), orderbook.toString());
        assertTrue(orderbook.required().containsAll(Set.of("yes", "no")), orderbook.toString());
    }

    @Test
    void messagesCarryTheirEnvelopeTypeAndChannelsTheirPayloads() {
        ApiShape shape = AsyncApiReader.read(Repo.read(Repo.pinned().asyncApi()), "asyncapi");
        MessageShape ticker = shape.messages().get("ticker");
        assertEquals("ticker", ticker.typeConstant());
        assertEquals("TickerPayload", ticker.payloadClass());
        assertEquals("ok", shape.messages().get("listSubscriptionsResponse").typeConstant());
        assertEquals(Set.of("OrderbookSnapshotPayload", "OrderbookDeltaPayload"),
                shape.channels().get("orderbook_delta").payloadClasses());
        // Ping/pong are binary control frames: no JSON payload, no model.
        assertEquals(Set.of(), shape.channels().get("control_frames").payloadClasses());
        assertTrue(!shape.messages().get("incomingPing").json());
    }
}
