package io.github.kalshi4j.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Lifts the schemas of an AsyncAPI document into an OpenAPI 3.0 components document, so the same
 * templates generate the WebSocket models.
 *
 * <p>Every schema of {@code components.schemas} is carried over. Every message of
 * {@code components.messages} with a JSON payload is recorded on its payload schema as
 * {@code x-kalshi4j-message} (message name) and {@code x-kalshi4j-message-key}; a message whose payload is
 * inline gets a schema of its own named {@code <messageKey>Payload}. Channels are recorded at the document
 * level in {@code x-kalshi4j-channels} (channel name to the message names it carries) for the WebSocket
 * client and the contract tests. JSON Schema's nullable types ({@code [integer, "null"]}, {@code enum: [..., null]})
 * are lowered to OpenAPI 3.0's {@code nullable} ({@link #lowerNullableTypes}).
 */
public final class AsyncApiLifter {

    private AsyncApiLifter() { }

    /** Builds the OpenAPI components document for an AsyncAPI tree. */
    public static ObjectNode lift(JsonNode asyncapi, ObjectMapper om) {
        ObjectNode out = om.createObjectNode();
        out.put("openapi", "3.0.3");
        ObjectNode info = out.putObject("info");
        info.put("title", asyncapi.path("info").path("title").asText("Kalshi WebSocket API"));
        info.put("version", asyncapi.path("info").path("version").asText("0"));
        info.put("description", "Lifted from Kalshi's AsyncAPI document by kalshi4j at build time.");
        out.putObject("paths");
        ObjectNode components = out.putObject("components");
        ObjectNode schemas = components.putObject("schemas");

        JsonNode srcSchemas = asyncapi.path("components").path("schemas");
        srcSchemas.fields().forEachRemaining(e -> schemas.set(e.getKey(), e.getValue().deepCopy()));

        JsonNode messages = asyncapi.path("components").path("messages");
        Iterator<Map.Entry<String, JsonNode>> it = messages.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode msg = e.getValue();
            String contentType = msg.path("contentType").asText(asyncapi.path("defaultContentType").asText("application/json"));
            JsonNode payload = msg.get("payload");
            if (payload == null || !contentType.contains("json")) {
                continue;
            }
            ObjectNode target;
            if (payload.has("$ref")) {
                String ref = payload.get("$ref").asText();
                target = (ObjectNode) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            } else {
                target = payload.deepCopy();
                schemas.set(e.getKey() + "Payload", target);
            }
            if (target == null) {
                throw new SpecException("AsyncAPI message " + e.getKey() + " references a missing payload schema");
            }
            ArrayNode names = target.withArray("x-kalshi4j-messages");
            names.add(msg.path("name").asText(e.getKey()));
            target.withArray("x-kalshi4j-message-keys").add(e.getKey());
            if (msg.hasNonNull("summary") && !target.has("description")) {
                target.put("description", msg.get("summary").asText());
            }
        }

        // Record on each payload schema the channels that carry it and its message names, as template-ready text.
        java.util.Map<String, String> payloadOfMessage = new java.util.HashMap<>();
        messages.fields().forEachRemaining(m -> {
            JsonNode payload = m.getValue().get("payload");
            if (payload != null && payload.has("$ref")) {
                String ref = payload.get("$ref").asText();
                payloadOfMessage.put(m.getKey(), ref.substring(ref.lastIndexOf('/') + 1));
            } else if (schemas.has(m.getKey() + "Payload")) {
                payloadOfMessage.put(m.getKey(), m.getKey() + "Payload");
            }
        });
        asyncapi.path("channels").fields().forEachRemaining(c -> c.getValue().path("messages").fields().forEachRemaining(m -> {
            String ref = m.getValue().path("$ref").asText(m.getKey());
            String schemaName = payloadOfMessage.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (schemaName != null && schemas.get(schemaName) instanceof ObjectNode s) {
                ArrayNode list = s.withArray("x-kalshi4j-channels");
                boolean present = false;
                for (JsonNode x : list) {
                    present |= x.asText().equals(c.getKey());
                }
                if (!present) {
                    list.add(c.getKey());
                }
            }
        }));
        // The document-level channel map the class comment promises: channel name to the names of its messages.
        ObjectNode channelMap = out.putObject("x-kalshi4j-channels");
        asyncapi.path("channels").fields().forEachRemaining(c -> {
            ArrayNode carried = channelMap.putArray(c.getKey());
            c.getValue().path("messages").fields().forEachRemaining(m -> {
                String ref = m.getValue().path("$ref").asText("");
                JsonNode msg = ref.startsWith("#/components/messages/")
                        ? messages.path(ref.substring(ref.lastIndexOf('/') + 1)) : m.getValue();
                carried.add(msg.path("name").asText(m.getKey()));
            });
        });
        WsSurface.derive(asyncapi, out);
        schemas.forEach(AsyncApiLifter::lowerNullableTypes);
        schemas.fields().forEachRemaining(e -> {
            if (e.getValue() instanceof ObjectNode s && s.get("x-kalshi4j-messages") instanceof ArrayNode names) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode n : names) {
                    sb.append(sb.length() == 0 ? "" : ", ").append('"').append(n.asText()).append('"');
                }
                s.put("x-kalshi4j-message-names", sb.toString());
            }
        });
        return out;
    }

    /**
     * Rewrites JSON Schema's nullable spellings, which AsyncAPI allows and OpenAPI 3.0 does not, into OpenAPI 3.0's:
     * {@code type: [T, "null"]} becomes {@code type: T} with {@code nullable: true}, and a {@code null} member of an
     * {@code enum} is dropped (the schema becomes nullable). Left alone, the generator saw no type at all and
     * emitted {@code Object}, losing the integer/date-time/enum typing and the money rule. A union of several
     * non-null types has no OpenAPI 3.0 equivalent and stays as it is.
     */
    static void lowerNullableTypes(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            if (obj.get("type") instanceof ArrayNode types) {
                List<JsonNode> nonNull = new ArrayList<>();
                types.forEach(t -> {
                    if (!"null".equals(t.asText())) {
                        nonNull.add(t);
                    }
                });
                if (nonNull.size() == 1) {
                    obj.set("type", nonNull.get(0));
                    if (nonNull.size() < types.size()) {
                        obj.put("nullable", true);
                    }
                }
            }
            if (obj.get("enum") instanceof ArrayNode values) {
                ArrayNode kept = values.arrayNode();
                values.forEach(v -> {
                    if (!v.isNull()) {
                        kept.add(v);
                    }
                });
                if (kept.size() < values.size()) {
                    obj.set("enum", kept);
                    obj.put("nullable", true);
                }
            }
            obj.forEach(AsyncApiLifter::lowerNullableTypes);
        } else if (node instanceof ArrayNode arr) {
            arr.forEach(AsyncApiLifter::lowerNullableTypes);
        }
    }
}
