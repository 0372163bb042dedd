package io.github.kalshi4j.codegen;

import static io.github.kalshi4j.codegen.Repo.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What {@link WsSurface} derives from an AsyncAPI document for the WebSocket surface templates. */
class WsSurfaceTest {

    /** The pinned AsyncAPI with spec/overlays/asyncapi-*.overlay.yaml applied, as PrepareSpecs does. */
    static ObjectNode correctedPinned() throws Exception {
        ObjectNode spec = (ObjectNode) Repo.pinnedSpec("asyncapi").deepCopy();
        for (Path overlay : PrepareSpecs.overlays(Repo.ROOT, "asyncapi")) {
            OverlayApplier.apply(PrepareSpecs.yamlMapper().readTree(overlay.toFile()), spec, overlay.toString());
        }
        return spec;
    }

    static Map<String, JsonNode> byKey(JsonNode list, String key) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        list.forEach(n -> out.put(n.path(key).asText(), n));
        return out;
    }

    @Test
    void thePinnedSpecsChannelsCarryTheFactsTheClientNeeds() throws Exception {
        ObjectNode lifted = AsyncApiLifter.lift(correctedPinned(), PrepareSpecs.yamlMapper());
        Map<String, JsonNode> channels = byKey(lifted.get("x-kalshi4j-ws-channels"), "wire");
        assertEquals(List.of("orderbook_delta", "ticker", "trade", "fill", "market_positions", "market_lifecycle_v2",
                "multivariate_market_lifecycle", "communications", "order_group_updates", "user_orders",
                "cfbenchmarks_value", "cfbenchmarks_value_5hz", "pyth_value"), new ArrayList<>(channels.keySet()));
        List<String> sequenced = new ArrayList<>();
        List<String> userData = new ArrayList<>();
        channels.forEach((wire, c) -> {
            if (c.get("sequenced").asBoolean()) {
                sequenced.add(wire);
            }
            if (c.get("userData").asBoolean()) {
                userData.add(wire);
            }
        });
        // Every channel whose envelopes carry seq in the pinned (later) AsyncAPI; ticker, fill, positions and user
        // orders do not.
        assertEquals(List.of("orderbook_delta", "trade", "market_lifecycle_v2", "multivariate_market_lifecycle",
                "communications", "order_group_updates", "cfbenchmarks_value", "cfbenchmarks_value_5hz", "pyth_value"),
                sequenced, "seq in the envelope");
        assertEquals(List.of("fill", "market_positions", "communications", "order_group_updates", "user_orders"),
                userData);
        assertEquals("DROP_OLDEST", channels.get("ticker").get("overflow").asText());
        assertEquals("FAIL", channels.get("fill").get("overflow").asText());
        assertEquals("REQUIRED", channels.get("orderbook_delta").get("marketFilter").asText());
        assertEquals("IGNORED", channels.get("market_lifecycle_v2").get("marketFilter").asText(),
                "event_lifecycle names no market");
        assertEquals("OPTIONAL", channels.get("user_orders").get("marketFilter").asText(), "through msg.ticker");
        assertEquals("[{\"type\":\"user_order\"}]", channels.get("user_orders").get("types").toString());

        Map<String, JsonNode> messages = byKey(lifted.get("x-kalshi4j-ws-messages"), "key");
        assertEquals("UserOrder", messages.get("userOrder").get("record").asText());
        assertEquals("ticker", messages.get("userOrder").get("marketGetter").asText());
        assertEquals("MarketLifecycle", messages.get("marketLifecycleV2").get("record").asText());
        assertEquals("MarketMetadataUpdated", messages.get("marketMetadataUpdated").get("record").asText());
        assertEquals("OrderGroupUpdate", messages.get("orderGroupUpdates").get("record").asText());
        assertEquals("OrderbookDeltaPayloadMsg", messages.get("orderbookDelta").get("msgClass").asText());
        assertTrue(messages.get("eventLifecycle").path("marketGetter").isMissingNode());
        List<String> replies = new ArrayList<>();
        lifted.get("x-kalshi4j-ws-reply-types").forEach(r -> replies.add(r.get("type").asText()));
        assertTrue(replies.containsAll(List.of("subscribed", "ok", "unsubscribed", "error", "list_subscriptions")),
                replies.toString());
    }

    @Test
    void theLaterSpecsTwoMessagesOfOneTypeAreToldApartByTheirConstEventType() throws Exception {
        Path later = Repo.ROOT.getParent().resolve("shared/specs/next/kalshi-asyncapi-2.0.0-later.yaml");
        Assumptions.assumeTrue(Files.isRegularFile(later), later + " is not here");
        ObjectNode spec = (ObjectNode) PrepareSpecs.yamlMapper().readTree(later.toFile());
        for (Path overlay : PrepareSpecs.overlays(Repo.ROOT, "asyncapi")) {
            OverlayApplier.apply(PrepareSpecs.yamlMapper().readTree(overlay.toFile()), spec, overlay.toString());
        }
        ObjectNode lifted = AsyncApiLifter.lift(spec, PrepareSpecs.yamlMapper());
        JsonNode lifecycle = byKey(lifted.get("x-kalshi4j-ws-types"), "type").get("market_lifecycle_v2");
        assertEquals("[{\"field\":\"event_type\",\"value\":\"metadata_updated\",\"record\":\"MarketMetadataUpdated\","
                + "\"payloadClass\":\"MarketMetadataUpdatedPayload\"}]", lifecycle.get("variants").toString());
        assertEquals("MarketLifecycle", lifecycle.get("fallback").get("record").asText());
        Map<String, JsonNode> channels = byKey(lifted.get("x-kalshi4j-ws-channels"), "wire");
        assertTrue(channels.containsKey("cfbenchmarks_value_5hz"));
        assertEquals("CFBENCHMARKS_VALUE_5HZ", channels.get("cfbenchmarks_value_5hz").get("constant").asText());
        assertTrue(channels.get("trade").get("sequenced").asBoolean(), "the later spec puts seq on trade frames");
    }

    @Test
    void aMarketFieldCorrectionFailsOnceUpstreamAddsMarketTicker() {
        ObjectNode doc = yaml("""
                asyncapi: 3.0.0
                info: {title: t, version: 1.0.0}
                channels:
                  mine:
                    address: mine
                    messages: {m: {$ref: '#/components/messages/m'}}
                components:
                  messages:
                    m:
                      name: m
                      x-kalshi4j-market-field: ticker
                      payload:
                        type: object
                        properties:
                          type: {type: string, const: m}
                          msg:
                            type: object
                            properties: {ticker: {type: string}, market_ticker: {type: string}}
                """);
        SpecException e = assertThrows(SpecException.class, () -> AsyncApiLifter.lift(doc, PrepareSpecs.yamlMapper()));
        assertTrue(e.getMessage().contains("upstream fixed it"), e.getMessage());
    }

    @Test
    void twoMessagesOfOneTypeWithNothingToTellThemApartFailTheBuild() {
        ObjectNode doc = yaml("""
                asyncapi: 3.0.0
                info: {title: t, version: 1.0.0}
                channels:
                  c:
                    address: c
                    messages:
                      a: {$ref: '#/components/messages/a'}
                      b: {$ref: '#/components/messages/b'}
                components:
                  messages:
                    a: {name: a, payload: {type: object, properties: {type: {type: string, const: same}}}}
                    b: {name: b, payload: {type: object, properties: {type: {type: string, const: same}}}}
                """);
        SpecException e = assertThrows(SpecException.class, () -> AsyncApiLifter.lift(doc, PrepareSpecs.yamlMapper()));
        assertTrue(e.getMessage().contains("share the envelope type 'same'"), e.getMessage());
    }

    @Test
    void aDataMessageWithoutAConstantTypeFailsTheBuild() {
        ObjectNode doc = yaml("""
                asyncapi: 3.0.0
                info: {title: t, version: 1.0.0}
                channels:
                  c:
                    address: c
                    messages: {a: {$ref: '#/components/messages/a'}}
                components:
                  messages:
                    a: {name: a, payload: {type: object, properties: {type: {type: string}}}}
                """);
        SpecException e = assertThrows(SpecException.class, () -> AsyncApiLifter.lift(doc, PrepareSpecs.yamlMapper()));
        assertTrue(e.getMessage().contains("no constant envelope type"), e.getMessage());
    }

    @Test
    void anOverlayChoiceOutsideItsValuesFailsTheBuild() {
        ObjectNode doc = yaml("""
                asyncapi: 3.0.0
                info: {title: t, version: 1.0.0}
                channels:
                  c:
                    address: c
                    x-kalshi4j-default-overflow: DROP_NEWEST
                    messages: {a: {$ref: '#/components/messages/a'}}
                components:
                  messages:
                    a: {name: a, payload: {type: object, properties: {type: {type: string, const: a}}}}
                """);
        SpecException e = assertThrows(SpecException.class, () -> AsyncApiLifter.lift(doc, PrepareSpecs.yamlMapper()));
        assertTrue(e.getMessage().contains("DROP_NEWEST"), e.getMessage());
    }
}
