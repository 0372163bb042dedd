package io.github.kalshi4j.codegen;

import static io.github.kalshi4j.codegen.Repo.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Lifting Kalshi's AsyncAPI document into the OpenAPI components document the model templates render. */
class AsyncApiLifterTest {

    static JsonNode asyncapi;
    static ObjectNode lifted;

    @BeforeAll
    static void liftTheRealDocument() {
        asyncapi = Repo.pinnedSpec("asyncapi");
        lifted = AsyncApiLifter.lift(asyncapi, PrepareSpecs.yamlMapper());
    }

    static JsonNode schemas() {
        return lifted.at("/components/schemas");
    }

    @Test
    void jsonSchemaNullableTypesBecomeTheTypeWithNullableAndNullLeavesEnums() {
        ObjectNode doc = yaml("""
                asyncapi: 2.6.0
                info: {title: t, version: 1.0.0}
                channels: {}
                components:
                  schemas:
                    orderPayload:
                      type: object
                      properties:
                        msg:
                          type: object
                          properties:
                            created_ts_ms: {type: [integer, "null"], format: int64}
                            price_dollars: {type: ["null", string]}
                            fee_type: {type: [string, "null"], enum: [flat, quadratic, null]}
                            either: {type: [string, integer]}
                            tags: {type: array, items: {type: [string, "null"]}}
                """);
        ObjectNode ws = AsyncApiLifter.lift(doc, PrepareSpecs.yamlMapper());
        SpecNormalizer.normalizeOpenApi(ws);

        JsonNode msg = ws.at("/components/schemas/orderPayload/properties/msg/properties");
        assertEquals("integer", msg.at("/created_ts_ms/type").asText());
        assertEquals("int64", msg.at("/created_ts_ms/format").asText());
        assertTrue(msg.at("/created_ts_ms/nullable").asBoolean());
        assertEquals("string", msg.at("/fee_type/type").asText());
        assertEquals("[\"flat\",\"quadratic\"]", msg.at("/fee_type/enum").toString());
        assertTrue(msg.at("/fee_type/nullable").asBoolean());
        assertEquals("string", msg.at("/tags/items/type").asText());
        // The money rule applies once the type is a plain string again.
        assertEquals("number", msg.at("/price_dollars/format").asText());
        assertEquals("dollars", msg.at("/price_dollars/x-kalshi4j-money").asText());
        assertTrue(msg.at("/either/type").isArray(), "a real union has no OpenAPI 3.0 spelling and stays");
    }

    @Test
    void theLaterAsyncApiHasNoTypeArraysOrNullEnumsLeftAfterLifting() throws java.io.IOException {
        Path later = Repo.ROOT.getParent().resolve("shared/specs/next/kalshi-asyncapi-2.0.0-later.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(later), later + " is not here");
        ObjectNode ws = AsyncApiLifter.lift(PrepareSpecs.yamlMapper().readTree(later.toFile()), PrepareSpecs.yamlMapper());
        SpecNormalizer.normalizeOpenApi(ws);

        List<String> left = new ArrayList<>();
        collectNullableSpellings(ws, "", left);
        assertEquals(List.of(), left);
        JsonNode order = ws.at("/components/schemas/userOrderPayload/properties/msg/properties");
        assertEquals("integer", order.at("/created_ts_ms/type").asText());
        assertEquals("int64", order.at("/created_ts_ms/format").asText());
        assertEquals("string", order.at("/created_time/type").asText());
        assertEquals("date-time", order.at("/created_time/format").asText());
        JsonNode fee = ws.at("/components/schemas/eventFeeUpdatePayload/properties/msg/properties");
        assertEquals("number", fee.at("/fee_multiplier_override/type").asText());
        assertEquals("string", fee.at("/fee_type_override/type").asText());
        assertFalse(fee.at("/fee_type_override/enum").toString().contains("null"));
        assertTrue(fee.at("/fee_type_override/nullable").asBoolean());
    }

    private static void collectNullableSpellings(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            if (node.path("type").isArray()) {
                out.add(path + ".type " + node.get("type"));
            }
            node.path("enum").forEach(v -> {
                if (v.isNull()) {
                    out.add(path + ".enum has null");
                }
            });
            node.fields().forEachRemaining(e -> collectNullableSpellings(e.getValue(), path + "." + e.getKey(), out));
        } else if (node.isArray()) {
            node.forEach(x -> collectNullableSpellings(x, path + "[]", out));
        }
    }

    @Test
    void theResultIsAnOpenApiComponentsDocument() {
        assertTrue(lifted.path("openapi").asText().startsWith("3.0"));
        assertEquals(asyncapi.at("/info/version").asText(), lifted.at("/info/version").asText());
        assertTrue(lifted.path("paths").isObject());
        assertTrue(schemas().size() >= asyncapi.at("/components/schemas").size(), "every AsyncAPI schema is carried over");
        asyncapi.at("/components/schemas").fieldNames().forEachRemaining(n -> assertTrue(schemas().has(n), n));
    }

    @Test
    void everyJsonMessagesPayloadSchemaCarriesItsMessageName() {
        String defaultType = asyncapi.path("defaultContentType").asText("application/json");
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> m : iterable(asyncapi.at("/components/messages"))) {
            JsonNode msg = m.getValue();
            if (!msg.path("contentType").asText(defaultType).contains("json") || !msg.has("payload")) {
                continue;
            }
            String schemaName = payloadSchemaName(m.getKey(), msg);
            JsonNode schema = schemas().path(schemaName);
            String name = msg.path("name").asText(m.getKey());
            assertTrue(texts(schema.path("x-kalshi4j-messages")).contains(name),
                    "message " + m.getKey() + ": payload schema " + schemaName + " lacks message name " + name);
            assertTrue(texts(schema.path("x-kalshi4j-message-keys")).contains(m.getKey()), m.getKey());
            assertTrue(schema.path("x-kalshi4j-message-names").asText().contains('"' + name + '"'), m.getKey());
            checked.add(m.getKey());
        }
        assertTrue(checked.size() >= 20, "the pinned document has many JSON messages: " + checked);
        assertTrue(checked.containsAll(List.of("orderbookSnapshot", "orderbookDelta", "ticker", "trade", "fill")));
    }

    @Test
    void binaryMessagesAreNotLifted() {
        // ping/pong are WebSocket control frames (application/octet-stream): no model is generated for them.
        for (JsonNode s : schemas()) {
            List<String> names = texts(s.path("x-kalshi4j-messages"));
            assertFalse(names.contains("ping") || names.contains("pong"), names.toString());
        }
    }

    @Test
    void aSchemaSharedByMessagesListsEachOfThem() {
        JsonNode update = schemas().path("updateSubscriptionCommandPayload");
        assertEquals(List.of("update_subscription_add", "update_subscription_delete", "update_subscription_get_snapshot",
                "update_subscription_single_sid"), texts(update.path("x-kalshi4j-messages")));
        assertEquals("\"update_subscription_add\", \"update_subscription_delete\", \"update_subscription_get_snapshot\","
                + " \"update_subscription_single_sid\"", update.path("x-kalshi4j-message-names").asText());
    }

    @Test
    void theOrderbookDeltaChannelListsBothTheSnapshotAndTheDeltaPayloads() {
        TreeSet<String> carried = new TreeSet<>();
        for (Map.Entry<String, JsonNode> s : iterable(schemas())) {
            if (texts(s.getValue().path("x-kalshi4j-channels")).contains("orderbook_delta")) {
                carried.add(s.getKey());
            }
        }
        assertEquals(new TreeSet<>(List.of("orderbookDeltaPayload", "orderbookSnapshotPayload")), carried);
        // The document-level map: channel name to the message names it carries, in channel order.
        assertEquals(List.of("orderbook_snapshot", "orderbook_delta"),
                texts(lifted.at("/x-kalshi4j-channels/orderbook_delta")));
    }

    @Test
    void everyChannelOfTheDocumentIsInTheChannelMap() {
        JsonNode map = lifted.path("x-kalshi4j-channels");
        for (Map.Entry<String, JsonNode> c : iterable(asyncapi.path("channels"))) {
            assertTrue(map.has(c.getKey()), "channel " + c.getKey() + " missing from x-kalshi4j-channels");
            assertEquals(c.getValue().path("messages").size(), map.path(c.getKey()).size(), c.getKey());
        }
    }

    @Test
    void thePropertyNamedYesStaysTheStringKeyYes() throws Exception {
        // The original AsyncAPI 2.0.0 still has the integer-cent book rows named yes/no (the later one dropped them).
        Path original = Repo.ROOT.getParent().resolve("shared/specs/kalshi-asyncapi-2.0.0.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(original), original + " is not here");
        ObjectNode doc = AsyncApiLifter.lift(PrepareSpecs.yamlMapper().readTree(original.toFile()), PrepareSpecs.yamlMapper());
        JsonNode msg = doc.at("/components/schemas/orderbookSnapshotPayload/properties/msg/properties");
        assertTrue(msg.has("yes"), "fields: " + fieldNames(msg));
        assertTrue(msg.has("no"), "fields: " + fieldNames(msg));
        assertFalse(msg.has("true") || msg.has("false"), "a YAML 1.1 reader would turn yes/no into booleans");
        assertEquals("array", msg.at("/yes/type").asText());

        // ...and it survives the JSON the build writes (ws.json) and reads back.
        ObjectMapper json = new ObjectMapper();
        JsonNode reread = json.readTree(json.writeValueAsBytes(doc));
        assertTrue(reread.at("/components/schemas/orderbookSnapshotPayload/properties/msg/properties").has("yes"));
    }

    @Test
    void typeConstantsBecomeConstTypesAfterNormalization() {
        ObjectNode ws = lifted.deepCopy();
        SpecNormalizer.normalizeOpenApi(ws);
        assertEquals("orderbook_snapshot", ws.at("/components/schemas/orderbookSnapshotPayload/x-kalshi4j-const-type").asText());
        assertEquals("orderbook_delta", ws.at("/components/schemas/orderbookDeltaPayload/x-kalshi4j-const-type").asText());
    }

    @Test
    void anInlinePayloadGetsASchemaOfItsOwn() {
        ObjectNode lifted = AsyncApiLifter.lift(yaml("""
                asyncapi: 3.0.0
                info: {title: t, version: 0.1.0}
                channels:
                  heartbeat:
                    address: heartbeat
                    messages:
                      beat: {$ref: '#/components/messages/beat'}
                components:
                  messages:
                    beat:
                      name: heartbeat
                      summary: A heartbeat.
                      payload:
                        type: object
                        properties:
                          type: {type: string, const: heartbeat}
                """), new ObjectMapper());
        JsonNode beat = lifted.at("/components/schemas/beatPayload");
        assertEquals(List.of("heartbeat"), texts(beat.path("x-kalshi4j-messages")));
        assertEquals(List.of("heartbeat"), texts(beat.path("x-kalshi4j-channels")));
        assertEquals("A heartbeat.", beat.path("description").asText());
        assertEquals(List.of("heartbeat"), texts(lifted.at("/x-kalshi4j-channels/heartbeat")));
    }

    @Test
    void aMessageReferencingAMissingSchemaFails() {
        SpecException e = assertThrows(SpecException.class, () -> AsyncApiLifter.lift(yaml("""
                asyncapi: 3.0.0
                components:
                  messages:
                    lost:
                      payload: {$ref: '#/components/schemas/Nowhere'}
                """), new ObjectMapper()));
        assertTrue(e.getMessage().contains("lost"), e.getMessage());
    }

    private static String payloadSchemaName(String key, JsonNode msg) {
        String ref = msg.path("payload").path("$ref").asText("");
        return ref.isEmpty() ? key + "Payload" : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> list = new ArrayList<>();
        n.fieldNames().forEachRemaining(list::add);
        return list;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        n.fields().forEachRemaining(list::add);
        return list;
    }
}
